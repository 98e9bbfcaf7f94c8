package fr.passerelle.procedure;

import fr.passerelle.processes.AppealDeadlines;
import org.springframework.stereotype.Component;

/**
 * The bean {@code appealDeadlines} of appeal-contentious.bpmn (restriction of liberty, half-time
 * reminder, offer expiry: {@link AppealDeadlines}), over the legal deadlines of {@link ProcessDeadlines}.
 */
@Component("appealDeadlines")
class AppealDeadlineBean extends AppealDeadlines {
    AppealDeadlineBean(ProcessDeadlines deadlines) {
        super(deadlines);
    }
}
