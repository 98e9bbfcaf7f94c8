package fr.passerelle.appeals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.procedure.CaseProcesses;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Role;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.CurrentAssociation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One inbox for a lawyer across every association they work with: offers to answer (and those
 * another lawyer took), the appeals they accepted, and their tasks, soonest deadline first.
 * Each association is read on its own, in a transaction of its own bound to it (row-level
 * security and the engine's tenant check both apply): nothing is ever read across associations.
 */
@Service
class LawyerInbox {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final CaseProcesses processes;
    private final ObjectMapper json;
    private final Clock clock;
    private final AssociationScope scope;

    LawyerInbox(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            CaseProcesses processes,
            ObjectMapper json,
            Clock clock,
            AssociationScope scope) {
        this.scope = scope;
        this.clock = clock;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.processes = processes;
        this.json = json;
    }

    record Offer(
            UUID id,
            String association,
            String associationName,
            String status,
            Offers.Summary summary,
            Instant due,
            Instant offeredAt) {}

    record Appeal(
            UUID caseId,
            String association,
            String associationName,
            String reference,
            String applicantName,
            Instant acceptedAt,
            Instant due,
            List<Task> tasks) {}

    record Task(
            String id,
            String name,
            String nameEn,
            String taskKey,
            UUID caseId,
            String association,
            String associationName,
            String reference,
            Instant due,
            boolean overdue) {}

    record Inbox(List<Offer> offers, List<Appeal> appeals, List<Task> tasks) {}

    /** Called outside any transaction: each association gets its own. */
    Inbox of() {
        CurrentUser me = Users.current().orElseThrow();
        if (me.memberships().values().stream().noneMatch(roles -> roles.contains(Role.LAWYER))) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Requires the role [LAWYER] in at least one association");
        }
        List<Offer> offers = new ArrayList<>();
        List<Appeal> appeals = new ArrayList<>();
        for (Map.Entry<String, Set<Role>> membership : me.memberships().entrySet()) {
            if (!membership.getValue().contains(Role.LAWYER)) {
                continue;
            }
            CurrentAssociation association = new CurrentAssociation(membership.getKey(), Set.of(Role.LAWYER));
            processes.as(
                    me.id(),
                    List.of(Role.LAWYER.groupName()),
                    association.slug(),
                    () -> scope.call(
                            association,
                            () -> readOnly.execute(status -> {
                                read(association.slug(), me.id(), offers, appeals);
                                return null;
                            })));
        }
        Comparator<Instant> soonest = Comparator.nullsLast(Comparator.naturalOrder());
        offers.sort(
                Comparator.comparing((Offer o) -> !"OPEN".equals(o.status())).thenComparing(Offer::due, soonest));
        appeals.sort(Comparator.comparing(Appeal::due, soonest));
        List<Task> tasks = appeals.stream()
                .flatMap(appeal -> appeal.tasks().stream())
                .sorted(Comparator.comparing(Task::due, soonest))
                .toList();
        return new Inbox(offers, appeals, tasks);
    }

    private void read(String slug, String me, List<Offer> offers, List<Appeal> appeals) {
        String name = jdbc.queryForList("SELECT name FROM app.associations WHERE slug = ?", String.class, slug).stream()
                .findFirst()
                .orElse(slug);
        offers.addAll(jdbc.query(
                """
                SELECT o.id, o.status, o.summary, o.due, o.offered_at FROM app.appeal_offers o
                WHERE ? = ANY (o.offered_to)
                  AND NOT EXISTS (SELECT 1 FROM app.appeal_offer_declines d WHERE d.offer_id = o.id AND d.lawyer_id = ?)
                  AND (o.status = 'OPEN' AND EXISTS (SELECT 1 FROM app.published_open_tasks t WHERE t.task_id = o.task_id)
                       OR o.status = 'ACCEPTED' AND o.accepted_by <> ? AND o.accepted_at > now() - interval '30 days')""",
                (row, i) -> new Offer(
                        row.getObject("id", UUID.class),
                        slug,
                        name,
                        "OPEN".equals(row.getString("status")) ? "OPEN" : "TAKEN",
                        summary(row.getString("summary")),
                        Offers.instant(row.getTimestamp("due")),
                        Offers.instant(row.getTimestamp("offered_at"))),
                me,
                me,
                me));
        Instant now = clock.instant();
        record Accepted(UUID caseId, String processInstanceId, String reference, String applicant, Instant at) {}
        List<Accepted> accepted = jdbc.query(
                """
                SELECT o.case_id, o.process_instance_id, c.reference, a.first_name, a.last_name, o.accepted_at
                FROM app.appeal_offers o
                JOIN app.published_cases c ON c.tenant_id = o.tenant_id AND c.id = o.case_id
                JOIN app.published_applicants a ON a.tenant_id = c.tenant_id AND a.id = c.applicant_id
                WHERE o.status = 'ACCEPTED' AND o.accepted_by = ? AND o.ended_at IS NULL
                ORDER BY o.accepted_at""",
                (row, i) -> new Accepted(
                        row.getObject("case_id", UUID.class),
                        row.getString("process_instance_id"),
                        row.getString("reference"),
                        (row.getString("first_name") == null ? "" : row.getString("first_name") + " ")
                                + row.getString("last_name"),
                        Offers.instant(row.getTimestamp("accepted_at"))),
                me);
        for (Accepted appeal : accepted) {
            if (!processes.running(appeal.processInstanceId())) {
                continue; // the appeal is over: so is the grant
            }
            List<Task> tasks = jdbc.query(
                    """
                    SELECT task_id, name, name_en, task_key, due FROM app.published_open_tasks
                    WHERE process_instance_id = ? AND (assignee = ? OR assignee IS NULL AND ? = ANY (candidate_users))
                    ORDER BY due ASC NULLS LAST, created""",
                    (row, i) -> {
                        Instant due = Offers.instant(row.getTimestamp("due"));
                        return new Task(
                                row.getString("task_id"),
                                row.getString("name"),
                                row.getString("name_en"),
                                row.getString("task_key"),
                                appeal.caseId(),
                                slug,
                                name,
                                appeal.reference(),
                                due,
                                due != null && due.isBefore(now));
                    },
                    appeal.processInstanceId(),
                    me,
                    me);
            appeals.add(new Appeal(
                    appeal.caseId(),
                    slug,
                    name,
                    appeal.reference(),
                    appeal.applicant(),
                    appeal.at(),
                    tasks.isEmpty() ? null : tasks.get(0).due(),
                    tasks));
        }
    }

    private Offers.Summary summary(String text) {
        try {
            return json.readValue(text, Offers.Summary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
