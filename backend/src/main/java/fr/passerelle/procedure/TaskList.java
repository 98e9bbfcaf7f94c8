package fr.passerelle.procedure;

import static fr.passerelle.security.Role.COORDINATOR;
import static fr.passerelle.security.Role.LAWYER;

import fr.passerelle.procedure.TaskListQuery.Scope;
import fr.passerelle.security.Role;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task lists people work from, read from {@code app.open_tasks} (kept in step with the
 * engine by {@link OpenTaskProjection}), soonest deadline first. Who sees what (docs/api-tasks.md):
 * staff see their own tasks and those offered to their roles; a lawyer sees only the
 * tasks of a contentious appeal assigned or offered to them by name; the association-wide
 * list is for coordinators. Row-level security keeps every list within the association.
 */
@Service
class TaskList {
    /** Lawyers' tasks live in the contentious appeal (appeal-contentious.bpmn) and nowhere else. */
    static final String LAWYERS_STEP = "appeal-contentious";

    private static final String ORDER = " ORDER BY t.due ASC NULLS LAST, t.created, t.task_id";
    private final NamedParameterJdbcTemplate jdbc;
    private final Steps steps;

    TaskList(NamedParameterJdbcTemplate jdbc, Steps steps) {
        this.jdbc = jdbc;
        this.steps = steps;
    }

    record Item(
            String id,
            String name,
            String nameEn,
            String step,
            String taskKey,
            UUID caseId,
            String caseReference,
            String applicantName,
            String ground,
            String prefecture,
            String department,
            String assignee,
            List<String> candidateGroups,
            List<String> candidateUsers,
            Instant due,
            Instant created,
            boolean overdue) {}

    record Page(List<Item> items, int page, int size, boolean hasMore) {}

    @Transactional(readOnly = true)
    Page list(TaskListQuery query) {
        CurrentAssociation association = Tenancy.current();
        if (query.scope() == Scope.ASSOCIATION) {
            association.requireAnyOf(COORDINATOR);
        }
        if (query.step() != null) {
            steps.require(query.step());
        }
        String me = Users.current().orElseThrow().id();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        var parameters = new MapSqlParameterSource("tenant", association.slug())
                .addValue("me", me)
                .addValue("now", Timestamp.from(now));
        List<String> groups = association.roles().stream()
                .filter(role -> role != LAWYER)
                .map(Role::groupName)
                .sorted()
                .toList();
        parameters.addValue("groups", groups);
        String offeredByName = "cardinality(t.candidate_users) > 0 AND t.candidate_users @> ARRAY[:me]::text[]";
        String offeredToMe = "t.assignee IS NULL AND (" + offeredByName
                + (groups.isEmpty() ? "" : " OR t.candidate_groups && ARRAY[:groups]::text[]") + ")";
        // The page is chosen on the tasks alone, soonest deadline first; only its rows are joined to
        // their case and applicant: the plan stays one index range, whoever asks.
        var tasks = new StringBuilder("SELECT t.* FROM app.open_tasks t WHERE t.tenant_id = :tenant");
        tasks.append(
                switch (query.scope()) {
                    case MINE -> " AND t.assignee = :me";
                    case GROUPS -> " AND " + offeredToMe;
                    case MINE_AND_GROUPS -> " AND (t.assignee = :me OR (" + offeredToMe + "))";
                    case ASSOCIATION -> "";
                });
        if (!association.isStaff()) {
            // a lawyer works only the contentious appeals offered to them or accepted by them
            filter(tasks, parameters, "t.step = :lawyersStep", "lawyersStep", LAWYERS_STEP);
        }
        filter(tasks, parameters, "t.step = :step", "step", query.step());
        filter(tasks, parameters, "t.assignee = :assignee", "assignee", query.assignee());
        if (query.dueWithinDays() != null) {
            filter(
                    tasks,
                    parameters,
                    "t.due <= :dueBefore",
                    "dueBefore",
                    Timestamp.from(now.plus(Duration.ofDays(query.dueWithinDays()))));
        }
        if (query.overdue() != null) {
            tasks.append(query.overdue() ? " AND t.due < :now" : " AND (t.due IS NULL OR t.due >= :now)");
        }
        List<String> ofCase = new ArrayList<>();
        if (query.ground() != null) {
            ofCase.add("c.ground = :ground");
            parameters.addValue("ground", query.ground().article());
        }
        if (query.prefecture() != null) {
            ofCase.add("c.prefecture = :prefecture");
            parameters.addValue("prefecture", query.prefecture());
        }
        if (!ofCase.isEmpty()) {
            tasks.append(
                            " AND EXISTS (SELECT 1 FROM app.published_cases c WHERE c.tenant_id = t.tenant_id AND c.id = t.case_id AND ")
                    .append(String.join(" AND ", ofCase))
                    .append(")");
        }
        tasks.append(ORDER).append(" LIMIT :limit OFFSET :offset");
        parameters.addValue("limit", query.size() + 1).addValue("offset", query.page() * query.size());
        String sql = """
                SELECT t.task_id, t.name, t.name_en, t.step, t.task_key, t.case_id, c.reference, a.first_name,
                       a.last_name, c.ground, c.prefecture, c.department, t.assignee, t.candidate_groups,
                       t.candidate_users, t.due, t.created
                FROM (%s) t
                JOIN app.published_cases c ON c.tenant_id = t.tenant_id AND c.id = t.case_id
                JOIN app.published_applicants a ON a.tenant_id = c.tenant_id AND a.id = c.applicant_id""".formatted(tasks) + ORDER;
        List<Item> rows = new ArrayList<>(jdbc.query(sql, parameters, (row, n) -> item(row, now)));
        if (!association.isStaff()) {
            rows.replaceAll(TaskList::anonymousIfOffered);
        }
        boolean hasMore = rows.size() > query.size();
        return new Page(hasMore ? rows.subList(0, query.size()) : rows, query.page(), query.size(), hasMore);
    }

    private static void filter(
            StringBuilder sql, MapSqlParameterSource parameters, String condition, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.addValue(name, value);
        }
    }

    private static Item item(ResultSet row, Instant now) throws SQLException {
        Instant due = instant(row.getTimestamp("due"));
        String firstName = row.getString("first_name");
        String applicant = (firstName == null ? "" : firstName + " ") + row.getString("last_name");
        return new Item(
                row.getString("task_id"),
                row.getString("name"),
                row.getString("name_en"),
                row.getString("step"),
                row.getString("task_key"),
                row.getObject("case_id", UUID.class),
                row.getString("reference"),
                applicant,
                row.getString("ground"),
                row.getString("prefecture"),
                row.getString("department"),
                row.getString("assignee"),
                strings(row.getArray("candidate_groups")),
                strings(row.getArray("candidate_users")),
                due,
                instant(row.getTimestamp("created")),
                due != null && due.isBefore(now));
    }

    /** A lawyer who has not accepted an appeal yet sees no reference nor name of its case (appeals: the offer's summary). */
    private static Item anonymousIfOffered(Item item) {
        if (item.assignee() != null) {
            return item;
        }
        return new Item(
                item.id(),
                item.name(),
                item.nameEn(),
                item.step(),
                item.taskKey(),
                item.caseId(),
                null,
                null,
                item.ground(),
                item.prefecture(),
                item.department(),
                null,
                item.candidateGroups(),
                List.of(),
                item.due(),
                item.created(),
                item.overdue());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
