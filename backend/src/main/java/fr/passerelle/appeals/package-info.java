/**
 * Appeals handed to lawyers: who may read a case while an appeal is offered to them or accepted by them.
 */
@ApplicationModule(allowedDependencies = {"audit", "cases", "platform", "procedure", "security", "tenancy", "web"})
package fr.passerelle.appeals;

import org.springframework.modulith.ApplicationModule;
