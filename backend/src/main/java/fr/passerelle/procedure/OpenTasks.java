package fr.passerelle.procedure;

import fr.passerelle.security.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The open tasks' read model ({@code app.open_tasks}) as other modules may read it: who holds a
 * task, and the dated tasks a member has to act on. Read in the current association's rows
 * (row-level security); who sees what is the task lists' rule ({@link TaskList}).
 */
@Service
public class OpenTasks {
    private final NamedParameterJdbcTemplate jdbc;

    OpenTasks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who holds a task: its assignee, else the users and groups it is offered to; and its case's reference. */
    public record Holders(
            String assignee, List<String> candidateUsers, List<String> candidateGroups, String caseReference) {}

    /** A dated open task, with its case. */
    public record DueTask(
            String taskId,
            UUID caseId,
            String caseReference,
            String applicantName,
            String step,
            String taskKey,
            String name,
            String nameEn,
            String assignee,
            Instant due,
            String rule,
            String department) {}

    public Optional<Holders> holders(String taskId) {
        return jdbc
                .query(
                        """
                SELECT t.assignee, t.candidate_users, t.candidate_groups, c.reference
                FROM app.open_tasks t JOIN app.published_cases c ON c.tenant_id = t.tenant_id AND c.id = t.case_id
                WHERE t.task_id = :id""",
                        new MapSqlParameterSource("id", taskId),
                        (row, n) -> new Holders(
                                row.getString("assignee"),
                                strings(row.getArray("candidate_users")),
                                strings(row.getArray("candidate_groups")),
                                row.getString("reference")))
                .stream()
                .findFirst();
    }

    /**
     * The dated tasks of the association due before {@code until} (overdue ones included), soonest
     * first: every one when {@code wholeAssociation}, else those assigned to the user or offered to
     * one of their staff roles or to them by name; a lawyer's only in the contentious appeal.
     */
    public List<DueTask> dueTasks(
            String tenantId, String userId, Set<Role> roles, boolean wholeAssociation, Instant until) {
        List<String> groups = roles.stream()
                .filter(role -> role != Role.LAWYER)
                .map(Role::groupName)
                .sorted()
                .toList();
        var parameters = new MapSqlParameterSource("tenant", tenantId)
                .addValue("me", userId)
                .addValue("groups", groups.isEmpty() ? List.of("") : groups)
                .addValue("until", Timestamp.from(until));
        String whose = wholeAssociation
                ? ""
                : " AND (t.assignee = :me OR (t.assignee IS NULL"
                        + " AND (t.candidate_users @> ARRAY[:me]::text[] OR t.candidate_groups && ARRAY[:groups]::text[])))";
        boolean staff = roles.contains(Role.CASEWORKER) || roles.contains(Role.COORDINATOR);
        String lawyers = staff ? "" : " AND t.step = '" + TaskList.LAWYERS_STEP + "'";
        return jdbc.query(
                """
                SELECT t.task_id, t.case_id, c.reference, a.first_name, a.last_name, t.step, t.task_key, t.name,
                       t.name_en, t.assignee, t.due, t.deadline_rule, c.department
                FROM app.open_tasks t
                JOIN app.published_cases c ON c.tenant_id = t.tenant_id AND c.id = t.case_id
                JOIN app.published_applicants a ON a.tenant_id = c.tenant_id AND a.id = c.applicant_id
                WHERE t.tenant_id = :tenant AND t.due IS NOT NULL AND t.due <= :until""" + whose + lawyers + " ORDER BY t.due, t.created, t.task_id", parameters, OpenTasks::dueTask);
    }

    /** A dated open task's legal rule (or {@code at:<variable>} for a date set by others) and when it falls. */
    public record CaseDeadline(Instant due, String rule) {}

    /**
     * The dated open tasks of one case that carry a deadline rule, soonest first: the dates only, never
     * the tasks' names or holders (the applicant's status page reads these).
     */
    public List<CaseDeadline> deadlinesOf(UUID caseId) {
        return jdbc.query(
                """
                SELECT t.due, t.deadline_rule FROM app.open_tasks t
                WHERE t.case_id = :case AND t.due IS NOT NULL AND t.deadline_rule IS NOT NULL
                ORDER BY t.due, t.task_id""",
                new MapSqlParameterSource("case", caseId),
                (row, n) -> new CaseDeadline(row.getTimestamp("due").toInstant(), row.getString("deadline_rule")));
    }

    private static DueTask dueTask(ResultSet row, int n) throws SQLException {
        String firstName = row.getString("first_name");
        return new DueTask(
                row.getString("task_id"),
                row.getObject("case_id", UUID.class),
                row.getString("reference"),
                (firstName == null ? "" : firstName + " ") + row.getString("last_name"),
                row.getString("step"),
                row.getString("task_key"),
                row.getString("name"),
                row.getString("name_en"),
                row.getString("assignee"),
                row.getTimestamp("due").toInstant(),
                row.getString("deadline_rule"),
                row.getString("department"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
