/**
 * Deadline alerts: e-mail reminders of every dated open task (an outbox in PostgreSQL, written in
 * the engine's transaction and sent by a dispatcher on every node, exactly once per deadline and
 * threshold), a daily digest for those who prefer it, a personal iCalendar feed at a secret URL,
 * and the deadlines view. Fed by the procedure's task events ({@code TaskDeadlineChanged},
 * {@code TaskClosed}); members reached through {@code platform.MemberDirectory}. docs/alerts.md.
 */
@ApplicationModule(
        allowedDependencies = {"deadlines", "operations", "platform", "procedure", "security", "tenancy", "web"})
package fr.passerelle.alerts;

import org.springframework.modulith.ApplicationModule;
