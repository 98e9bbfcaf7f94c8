package fr.passerelle.procedure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;

/**
 * The rule a user task's due date comes from, read from the model's due date expression
 * (processes/README.md: {@code deadlines.due(execution, RULE, 'from')}, the rule quoted or a
 * variable holding it, the appeal's {@code appealDeadlines.due(execution, RULE)} and
 * {@code appealDeadlines.rulingDue(execution, RULE)}, or {@code deadlines.at(execution, 'dateVariable')}
 * and {@code stepRules.dueOn(execution, 'dateVariable')}), so the rule is known without a copy of it in
 * every model.
 */
final class DueDateRule {
    private static final Pattern DUE = Pattern.compile(
            "(?:deadlines\\.due|appealDeadlines\\.(?:due|rulingDue))\\(\\s*execution\\s*,\\s*('?)(\\w+)\\1\\s*[,)]");
    private static final Pattern AT =
            Pattern.compile("(?:deadlines\\.at|stepRules\\.dueOn)\\(\\s*execution\\s*,\\s*'(\\w+)'\\s*\\)");

    private DueDateRule() {}

    /** A DeadlineRule name, {@code at:<variable>}, or null. */
    static String of(Expression dueDate, DelegateTask task) {
        return dueDate == null ? null : of(dueDate.getExpressionText(), task::getVariable);
    }

    static String of(String expression, java.util.function.Function<String, Object> variables) {
        if (expression == null) {
            return null;
        }
        Matcher due = DUE.matcher(expression);
        if (due.find()) {
            if (!due.group(1).isEmpty()) {
                return due.group(2);
            }
            return variables.apply(due.group(2)) instanceof String rule ? rule : null;
        }
        Matcher at = AT.matcher(expression);
        return at.find() ? "at:" + at.group(1) : null;
    }
}
