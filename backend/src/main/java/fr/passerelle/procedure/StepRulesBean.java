package fr.passerelle.procedure;

import fr.passerelle.processes.StepRules;
import org.springframework.stereotype.Component;

/**
 * The bean {@code stepRules} of appointment, filing, receipt and commission-hearing ({@link StepRules}),
 * over the legal deadlines of {@link ProcessDeadlines}.
 */
@Component("stepRules")
class StepRulesBean extends StepRules {
    StepRulesBean(ProcessDeadlines deadlines) {
        super(deadlines);
    }
}
