/**
 * What every controller shares: one way to refuse input (problem documents with their {@code errors}),
 * strict JSON, error pages, and the single-page app.
 */
@ApplicationModule(allowedDependencies = {})
package fr.passerelle.web;

import org.springframework.modulith.ApplicationModule;
