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
 * engine by {@link OpenTaskProjection}), soonest deadline first. Who sees what (DESIGN.md,
 * "Users"): staff see their own tasks and those offered to their roles; a lawyer sees only the
 * tasks assigned or offered to them by name, never the lawyers' group; the association-wide
 * list is for coordinators. Row-level security keeps every list within the association.
 */
@Service
class TaskList {
    private final NamedParameterJdbcTemplate jdbc;

    TaskList(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Item(String id, String name, String nameEn, String step, String taskKey, UUID caseId,
                String caseReference, String applicantName, String ground, String prefecture, String department,
                String assignee, List<String> candidateGroups, List<String> candidateUsers, Instant due,
                Instant created, boolean overdue) {
    }

    record Page(List<Item> items, int page, int size, boolean hasMore) {
    }

    @Transactional(readOnly = true)
    Page list(TaskListQuery query) {
        CurrentAssociation association = Tenancy.current();
        if (query.scope() == Scope.ASSOCIATION) {
            association.requireAnyOf(COORDINATOR);
        }
        String me = Users.current().orElseThrow().id();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        var sql = new StringBuilder("""
                SELECT t.task_id, t.name, t.name_en, t.step, t.task_key, t.case_id, c.reference, a.first_name,
                       a.last_name, c.ground, c.prefecture, c.department, t.assignee, t.candidate_groups,
                       t.candidate_users, t.due, t.created
                FROM app.open_tasks t
                JOIN app.cases c ON c.tenant_id = t.tenant_id AND c.id = t.case_id
                JOIN app.applicants a ON a.tenant_id = c.tenant_id AND a.id = c.applicant_id
                WHERE t.tenant_id = :tenant""");
        var parameters = new MapSqlParameterSource("tenant", association.slug()).addValue("me", me)
                .addValue("now", Timestamp.from(now));
        List<String> groups = association.roles().stream().filter(role -> role != LAWYER)
                .map(Role::groupName).sorted().toList();
        String offeredToMe = "t.assignee IS NULL AND (:me = ANY (t.candidate_users)"
                + (groups.isEmpty() ? "" : " OR t.candidate_groups && ARRAY[:groups]::text[]") + ")";
        parameters.addValue("groups", groups);
        sql.append(switch (query.scope()) {
            case MINE -> " AND t.assignee = :me";
            case GROUPS -> " AND " + offeredToMe;
            case MINE_AND_GROUPS -> " AND (t.assignee = :me OR (" + offeredToMe + "))";
            case ASSOCIATION -> "";
        });
        filter(sql, parameters, "t.step = :step", "step", query.step());
        filter(sql, parameters, "c.ground = :ground", "ground",
                query.ground() == null ? null : query.ground().article());
        filter(sql, parameters, "c.prefecture = :prefecture", "prefecture", query.prefecture());
        filter(sql, parameters, "t.assignee = :assignee", "assignee", query.assignee());
        if (query.dueWithinDays() != null) {
            filter(sql, parameters, "t.due <= :dueBefore", "dueBefore",
                    Timestamp.from(now.plus(java.time.Duration.ofDays(query.dueWithinDays()))));
        }
        if (query.overdue()) {
            sql.append(" AND t.due < :now");
        }
        sql.append(" ORDER BY t.due ASC NULLS LAST, t.created, t.task_id LIMIT :limit OFFSET :offset");
        parameters.addValue("limit", query.size() + 1).addValue("offset", query.page() * query.size());
        List<Item> rows = new ArrayList<>(jdbc.query(sql.toString(), parameters, (row, n) -> item(row, now)));
        boolean hasMore = rows.size() > query.size();
        return new Page(hasMore ? rows.subList(0, query.size()) : rows, query.page(), query.size(), hasMore);
    }

    private static void filter(StringBuilder sql, MapSqlParameterSource parameters, String condition, String name,
                               Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.addValue(name, value);
        }
    }

    private static Item item(ResultSet row, Instant now) throws SQLException {
        Instant due = instant(row.getTimestamp("due"));
        String firstName = row.getString("first_name");
        String applicant = (firstName == null ? "" : firstName + " ") + row.getString("last_name");
        return new Item(row.getString("task_id"), row.getString("name"), row.getString("name_en"),
                row.getString("step"), row.getString("task_key"), row.getObject("case_id", UUID.class),
                row.getString("reference"), applicant, row.getString("ground"), row.getString("prefecture"),
                row.getString("department"), row.getString("assignee"), strings(row.getArray("candidate_groups")),
                strings(row.getArray("candidate_users")), due, instant(row.getTimestamp("created")),
                due != null && due.isBefore(now));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
