/**
 * The engine glue: a case's processes started and told of events (BPMN messages by business key), the task
 * list read model written in the engine's transaction, task forms validated, where a case stands.
 * <p>The engine is this module's alone: no other imports {@code org.camunda}. They use {@link
 * fr.passerelle.procedure.ProcessTasks} and {@link fr.passerelle.procedure.TaskGuard} (people's work on tasks),
 * {@link fr.passerelle.procedure.CaseTasks} and {@link fr.passerelle.procedure.CaseProcesses} (a case's tasks and
 * processes driven by another module), {@link fr.passerelle.procedure.BackgroundJobs} (work on the job executor),
 * the {@code Clock} bean (the engine's clock, the service's one) and the events {@link
 * fr.passerelle.procedure.TaskDeadlineChanged} and {@link fr.passerelle.procedure.TaskClosed}. Owns {@code
 * open_tasks} (published read-only as {@code app.published_open_tasks}, V81) and {@code appointment_attempts}.
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
