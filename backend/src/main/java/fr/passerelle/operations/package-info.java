/**
 * What an operator watches: each request's id in the logs and in the response ({@code X-Request-Id}),
 * and the helper the feature modules use to publish their figures as gauges ({@link
 * fr.passerelle.operations.Refreshed}), read from the database at most every few seconds whatever the
 * number of scrapes. docs/operations.md.
 */
@ApplicationModule(allowedDependencies = {"tenancy"})
package fr.passerelle.operations;

import org.springframework.modulith.ApplicationModule;
