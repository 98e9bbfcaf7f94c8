package fr.passerelle.procedure;

import fr.passerelle.processes.CaseRules;
import org.springframework.stereotype.Component;

/**
 * The bean {@code caseRules} of regularisation.bpmn ({@link CaseRules}: the contentious deadline of
 * a decision, a restriction of liberty, the printed deadline, the triage flag), over the legal
 * deadlines of {@link ProcessDeadlines}.
 */
@Component("caseRules")
class CaseRulesBean extends CaseRules {
    CaseRulesBean(ProcessDeadlines deadlines) {
        super(deadlines);
    }
}
