package fr.passerelle.procedure;

import fr.passerelle.processes.CaseRules;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The bean {@code caseRules} of regularisation.bpmn ({@link CaseRules}: the contentious deadline of
 * a decision, a restriction of liberty, the printed deadline, the triage flag), over the legal
 * deadlines of {@link ProcessDeadlines}.
 */
@Component("caseRules")
class CaseRulesBean extends CaseRules {
    CaseRulesBean(ProcessDeadlines deadlines) {
        super(new Deadlines() {
            @Override
            public Date due(VariableScope execution, String rule, String fromVariable) {
                return deadlines.due(execution, rule, fromVariable);
            }

            @Override
            public String date(VariableScope execution, String rule, String fromVariable) {
                return deadlines.date(execution, rule, fromVariable);
            }
        });
    }
}
