/**
 * Demo data for the demo profile: cases at every step in the demo realm's associations.
 */
@ApplicationModule(allowedDependencies = {"cases", "security", "tenancy"})
package fr.passerelle.demo;

import org.springframework.modulith.ApplicationModule;
