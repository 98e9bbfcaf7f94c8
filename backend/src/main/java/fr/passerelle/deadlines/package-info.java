/**
 * French legal deadlines: the calendar (public holidays, overseas departments) and each rule with its source.
 * Plain Java, no Spring inside but its small web controller in {@code web}.
 */
@ApplicationModule(allowedDependencies = {"web"})
package fr.passerelle.deadlines;

import org.springframework.modulith.ApplicationModule;
