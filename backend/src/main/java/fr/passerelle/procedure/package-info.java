/**
 * The engine glue: a case's processes started and told of events (BPMN messages by business key), the task
 * list read model written in the engine's transaction, task forms validated, where a case stands.
 */
@ApplicationModule(
        allowedDependencies = {
            "audit",
            "cases",
            "deadlines",
            "operations",
            "platform",
            "processes",
            "security",
            "tenancy",
            "web"
        })
package fr.passerelle.procedure;

import org.springframework.modulith.ApplicationModule;
