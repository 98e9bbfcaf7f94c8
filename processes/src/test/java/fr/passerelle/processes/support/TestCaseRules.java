package fr.passerelle.processes.support;

import fr.passerelle.processes.CaseRules;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The {@code caseRules} bean of the process tests: the real one, over the {@link TestDeadlines} stand-in. */
public class TestCaseRules extends CaseRules {
  public TestCaseRules(TestDeadlines deadlines) {
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
