package fr.passerelle.processes;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The {@code deadlines} bean of the models (processes/README.md, "Deadlines"): the backend's
 * {@code fr.passerelle.procedure.ProcessDeadlines} over the legal rules, the process tests'
 * {@code TestDeadlines} stand-in. {@link CaseRules} and {@link AppealDeadlines} count on it, so the
 * legal counting stays in one place.
 */
public interface Deadlines {
    /** When a timer on the rule fires. */
    Date timer(VariableScope execution, String rule, String fromVariable);

    /** The last moment to act (a task's due date). */
    Date due(VariableScope execution, String rule, String fromVariable);

    /** The deadline's date, ISO. */
    String date(VariableScope execution, String rule, String fromVariable);

    /** Whether the date in {@code actualVariable} comes after the deadline. */
    boolean isLate(VariableScope execution, String rule, String fromVariable, String actualVariable);

    /** The start of the date in {@code dateVariable}, Paris time. */
    Date at(VariableScope execution, String dateVariable);

    /**
     * The tribunal administratif where an authority of {@code department} sits (R312-1 CJA): its code
     * (the values of the filing forms' {@code court} select), or null for no known department.
     */
    String courtFor(String department);

    /** The department the tribunal administratif {@code court} sits in (its holidays), or null for an unknown code. */
    String courtSeat(String court);
}
