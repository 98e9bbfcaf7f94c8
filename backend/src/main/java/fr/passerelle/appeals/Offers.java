package fr.passerelle.appeals;

import static fr.passerelle.security.Role.COORDINATOR;
import static fr.passerelle.security.Role.LAWYER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.audit.Audit;
import fr.passerelle.cases.AppealFacts;
import fr.passerelle.cases.CaseFiles;
import fr.passerelle.platform.AssociationDirectory;
import fr.passerelle.platform.AssociationDirectory.Person;
import fr.passerelle.procedure.CaseProcesses;
import fr.passerelle.procedure.CaseTasks;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Role;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.Problem;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers of a case's contentious appeal (appeal-contentious.bpmn: the coordinator's
 * {@code offerAppealToLawyer}, the lawyers' {@code acceptAppeal}) to named partner lawyers or to
 * the association's lawyer pool (its Keycloak group {@code /associations/<slug>/lawyer}).
 * Before accepting, a lawyer sees only the offer's summary; the first acceptance wins: every
 * answer takes the offer's row lock first ({@code SELECT ... FOR UPDATE}), so two acceptances at
 * once are serialised and the second finds the offer taken (409). The accepted offer is the
 * lawyer's grant on the appeal part of the case ({@link AppealGrants}) until the appeal ends or
 * the coordinator (or a withdrawn consent) ends it.
 */
@Service
class Offers {
    static final String OFFER_TASK = "offerAppealToLawyer";
    static final String ACCEPT_TASK = "acceptAppeal";
    static final int MAX_NAMED = 20;
    private final JdbcTemplate jdbc;
    private final CaseFiles cases;
    private final Consents consents;
    private final AssociationDirectory directory;
    private final CaseProcesses processes;
    private final CaseTasks tasks;
    private final Audit audit;
    private final Clock clock;
    private final ObjectMapper json;

    Offers(
            JdbcTemplate jdbc,
            CaseFiles cases,
            Consents consents,
            AssociationDirectory directory,
            CaseProcesses processes,
            CaseTasks tasks,
            Audit audit,
            Clock clock,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.consents = consents;
        this.directory = directory;
        this.processes = processes;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** What a lawyer sees before accepting: never the applicant's identity, the case's reference or its documents. */
    record Summary(
            String ground,
            String prefecture,
            String department,
            String decisionType,
            String decisionNotifiedOn,
            String oqtfKind,
            String oqtfNotifiedAt,
            String deadlineRule,
            String deadlineFrom,
            Instant deadline,
            List<String> languages,
            boolean interpreterNeeded,
            String interpreterLanguage,
            String message) {}

    record OfferRequest(List<String> lawyerIds, Boolean pool, String offerNotes, String offerAcceptanceTime) {}

    record Lawyer(String userId, String name) {}

    record OfferView(
            UUID id,
            UUID caseId,
            String status,
            boolean pool,
            List<Lawyer> offeredTo,
            Summary summary,
            Instant due,
            String offeredBy,
            Instant offeredAt,
            String acceptedBy,
            Instant acceptedAt,
            Instant endedAt,
            String endReason,
            List<Decline> declines) {}

    record Decline(String lawyer, String reason, Instant at) {}

    /** The coordinator offers the appeal waiting at {@code offerAppealToLawyer}; consent (or its override) first. */
    @Transactional
    OfferView offer(UUID caseId, OfferRequest request) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(COORDINATOR);
        cases.requireReadable(caseId);
        boolean pool = Boolean.TRUE.equals(request.pool());
        List<String> named = request.lawyerIds() == null ? List.of() : request.lawyerIds();
        if (pool == !named.isEmpty()) {
            throw AppealProblems.invalid(
                    "lawyerIds",
                    "lawyers_or_pool",
                    "name the lawyers (lawyerIds) or offer to the pool (pool: true), one of the two");
        }
        if (named.size() > MAX_NAMED) {
            throw AppealProblems.invalid("lawyerIds", "too_many", "at most {0} lawyers", MAX_NAMED);
        }
        Duration acceptance = acceptanceTime(request.offerAcceptanceTime());
        if (request.offerNotes() != null && request.offerNotes().length() > 4000) {
            throw AppealProblems.invalid("offerNotes", "too_long", "at most {0} characters", 4000);
        }
        if (consents.inForce(caseId).isEmpty()) {
            throw AppealProblems.conflict(
                    "consent",
                    "consent_missing",
                    "record the applicant's consent to share the"
                            + " case with a lawyer (or a coordinator's override with its reason) before offering the appeal");
        }
        List<Person> lawyers = new ArrayList<>();
        if (pool) {
            lawyers.addAll(directory.withRole(association.slug(), LAWYER));
            if (lawyers.isEmpty()) {
                throw AppealProblems.conflict("pool", "pool_empty", "the association has no lawyer to offer to");
            }
        } else {
            for (String id : new LinkedHashSet<>(named)) {
                lawyers.add(directory
                        .member(association.slug(), id)
                        .filter(person -> person.has(LAWYER))
                        .orElseThrow(() -> AppealProblems.invalid(
                                "lawyerIds", "not_a_lawyer", "{0} is not a lawyer of the association", id)));
            }
        }
        CaseTasks.OpenTask offerTask = waitingTask(caseId, OFFER_TASK)
                .orElseThrow(() -> AppealProblems.conflict(
                        "caseId", "no_appeal_to_offer", "no contentious appeal of this case waits to be offered"));
        Summary summary = summary(caseId, offerTask, request.offerNotes());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("filingBy", "LAWYER");
        variables.put(
                "offeredLawyerId",
                String.join(",", lawyers.stream().map(Person::userId).toList()));
        variables.put("offerAcceptanceTime", acceptance == null ? null : acceptance.toString());
        variables.put("offerNotes", request.offerNotes());
        variables.put("offerExpired", false);
        tasks.complete(offerTask.id(), variables);
        CaseTasks.OpenTask acceptTask =
                tasks.waiting(offerTask.processInstanceId(), ACCEPT_TASK).orElseThrow();
        CurrentUser me = Users.current().orElseThrow();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // An offer still open here lost its task: nobody answered in time (the model's offerExpired timer)
        // or a restriction of liberty restarted the appeal's deadline part.
        jdbc.update("""
                UPDATE app.appeal_offers SET status = 'EXPIRED', ended_at = ?
                WHERE process_instance_id = ? AND status = 'OPEN'""", Timestamp.from(now), offerTask.processInstanceId());
        jdbc.update(
                """
                INSERT INTO app.appeal_offers (id, tenant_id, case_id, process_instance_id, task_id, pool, offered_to,
                                               summary, due, offered_by_id, offered_by_name, offered_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 'OPEN')""",
                id,
                association.slug(),
                caseId,
                offerTask.processInstanceId(),
                acceptTask.id(),
                pool,
                textArray(lawyers.stream().map(Person::userId).toList()),
                write(summary),
                acceptTask.due() == null ? null : Timestamp.from(acceptTask.due()),
                me.id(),
                me.username(),
                Timestamp.from(now));
        audit.changed(
                caseId,
                "APPEAL_OFFERED",
                (pool ? "pool: " : "")
                        + String.join(
                                ", ",
                                lawyers.stream()
                                        .map(p -> p.name() + " (" + p.userId() + ")")
                                        .toList()));
        return ofCase(caseId).get(0);
    }

    /** The lawyer accepts: the first one wins; the others, and anyone after, get 409. */
    @Transactional
    void accept(UUID offerId) {
        Tenancy.current().requireAnyOf(LAWYER);
        CurrentUser me = Users.current().orElseThrow();
        Locked offer = lockForLawyer(offerId, me.id());
        if (!"OPEN".equals(offer.status())) {
            throw me.id().equals(offer.acceptedBy())
                    ? AppealProblems.gone("offer_accepted_by_you")
                    : "ACCEPTED".equals(offer.status())
                            ? AppealProblems.gone("offer_taken")
                            : AppealProblems.gone("offer_closed", offer.status().toLowerCase());
        }
        requireTaskOpen(offer);
        int won = jdbc.update("""
                UPDATE app.appeal_offers SET status = 'ACCEPTED', accepted_by = ?, accepted_by_name = ?, accepted_at = ?
                WHERE id = ? AND status = 'OPEN'""", me.id(), me.username(), Timestamp.from(clock.instant()), offerId);
        if (won != 1) {
            throw AppealProblems.gone("offer_taken");
        }
        complete(offer.taskId(), Map.of("appealAccepted", true, "offeredLawyerId", me.id()));
        audit.changed(offer.caseId(), "APPEAL_ACCEPTED", me.username() + " (" + me.id() + ")");
    }

    /** The lawyer declines with a reason; when every lawyer offered has declined, the appeal goes back to the coordinator. */
    @Transactional
    void decline(UUID offerId, String reason) {
        Tenancy.current().requireAnyOf(LAWYER);
        if (reason == null || reason.isBlank()) {
            throw AppealProblems.invalid("reason", "required", "say why you decline");
        }
        if (reason.length() > 4000) {
            throw AppealProblems.invalid("reason", "too_long", "at most {0} characters", 4000);
        }
        CurrentUser me = Users.current().orElseThrow();
        Locked offer = lockForLawyer(offerId, me.id());
        if (!"OPEN".equals(offer.status())) {
            throw AppealProblems.gone("offer_closed", offer.status().toLowerCase());
        }
        if (offer.declinedBy().contains(me.id())) {
            throw AppealProblems.gone("offer_declined_by_you");
        }
        requireTaskOpen(offer);
        jdbc.update(
                """
                INSERT INTO app.appeal_offer_declines (offer_id, tenant_id, lawyer_id, lawyer_name, reason, declined_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                offerId,
                Tenancy.current().slug(),
                me.id(),
                me.username(),
                reason.strip(),
                Timestamp.from(clock.instant()));
        audit.changed(offer.caseId(), "APPEAL_DECLINED", me.username() + ": " + reason.strip());
        if (offer.declinedBy().size() + 1 >= offer.offeredTo().size()) {
            jdbc.update(
                    "UPDATE app.appeal_offers SET status = 'DECLINED', ended_at = ? WHERE id = ?",
                    Timestamp.from(clock.instant()),
                    offerId);
            complete(offer.taskId(), Map.of("appealAccepted", false, "declineReason", reason.strip()));
        } else {
            tasks.withdrawCandidate(offer.taskId(), me.id());
        }
    }

    /**
     * The coordinator withdraws an offer: an open one goes back to the offer step; an accepted one
     * ends the lawyer's grant, and the appeal's open tasks assigned to the lawyer go to the coordinators.
     */
    @Transactional
    void withdraw(UUID offerId, String reason) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(COORDINATOR);
        if (reason == null || reason.isBlank()) {
            throw AppealProblems.invalid("reason", "required", "say why the offer is withdrawn");
        }
        Locked offer = lock(offerId).orElseThrow(() -> Problem.notFound("offer_not_found", offerId));
        if (!end(offer, "retirée par le coordinateur : " + reason.strip())) {
            throw AppealProblems.gone("offer_over", offer.status().toLowerCase());
        }
        audit.changed(offer.caseId(), "APPEAL_OFFER_WITHDRAWN", reason.strip());
    }

    /** Ends every open or accepted offer of a case (consent withdrawn). */
    @Transactional
    void withdrawAll(UUID caseId, String reason, CurrentAssociation association) {
        List<UUID> ids = jdbc.queryForList("""
                SELECT id FROM app.appeal_offers WHERE case_id = ? AND ended_at IS NULL
                AND status IN ('OPEN', 'ACCEPTED')""", UUID.class, caseId);
        for (UUID id : ids) {
            lock(id).ifPresent(offer -> end(offer, reason));
        }
    }

    @Transactional(readOnly = true)
    List<OfferView> ofCase(UUID caseId) {
        Tenancy.current().requireAnyOf(COORDINATOR, Role.CASEWORKER);
        cases.requireReadable(caseId);
        return jdbc.query("""
                SELECT o.*, (SELECT coalesce(json_agg(json_build_object('lawyer', d.lawyer_name, 'reason', d.reason,
                             'at', d.declined_at) ORDER BY d.declined_at), '[]') FROM app.appeal_offer_declines d
                             WHERE d.offer_id = o.id) AS declines
                FROM app.appeal_offers o WHERE o.case_id = ? ORDER BY o.offered_at DESC""", (row, i) -> view(row), caseId);
    }

    private boolean end(Locked offer, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        if ("OPEN".equals(offer.status())) {
            jdbc.update(
                    "UPDATE app.appeal_offers SET status = 'WITHDRAWN', ended_at = ?, end_reason = ? WHERE id = ?",
                    now,
                    reason,
                    offer.id());
            if (tasks.open(offer.taskId())) {
                complete(offer.taskId(), Map.of("appealAccepted", false, "declineReason", "Offre " + reason));
            }
            return true;
        }
        if ("ACCEPTED".equals(offer.status()) && offer.endedAt() == null) {
            jdbc.update(
                    "UPDATE app.appeal_offers SET ended_at = ?, end_reason = ? WHERE id = ?", now, reason, offer.id());
            tasks.handBack(offer.processInstanceId(), offer.acceptedBy(), COORDINATOR.groupName());
            return true;
        }
        return false;
    }

    private Summary summary(UUID caseId, CaseTasks.OpenTask offerTask, String message) {
        AppealFacts facts = cases.appealFacts(caseId);
        Map<String, Object> v = processes.variables(offerTask.executionId());
        return new Summary(
                facts.groundCode(),
                facts.prefecture(),
                facts.department(),
                text(v.get("decisionOutcome")),
                text(v.get("decisionNotifiedDate")),
                text(v.get("oqtfKind")),
                text(v.get("oqtfNotifiedAt")),
                text(v.get("contentiousAppealRule")),
                text(v.get("contentiousAppealFrom")),
                offerTask.due(),
                facts.languages(),
                facts.interpreterNeeded(),
                facts.interpreterLanguage(),
                message == null || message.isBlank() ? null : message.strip());
    }

    /** The open task of a case's running contentious appeal, if one waits at that step. */
    Optional<CaseTasks.OpenTask> waitingTask(UUID caseId, String taskKey) {
        for (String appeal : processes.instances(caseId, AppealGrants.CONTENTIOUS_APPEAL, true)) {
            Optional<CaseTasks.OpenTask> task = tasks.waiting(appeal, taskKey);
            if (task.isPresent()) {
                return task;
            }
        }
        return Optional.empty();
    }

    private void requireTaskOpen(Locked offer) {
        if (!tasks.open(offer.taskId())) {
            throw AppealProblems.gone("offer_expired");
        }
    }

    private void complete(String taskId, Map<String, Object> variables) {
        tasks.complete(taskId, variables, () -> AppealProblems.gone("offer_answered_meanwhile"));
    }

    record Locked(
            UUID id,
            UUID caseId,
            String processInstanceId,
            String taskId,
            String status,
            List<String> offeredTo,
            String acceptedBy,
            Instant endedAt,
            List<String> declinedBy) {}

    private Locked lockForLawyer(UUID offerId, String me) {
        return lock(offerId)
                .filter(offer -> offer.offeredTo().contains(me))
                .orElseThrow(() -> Problem.notFound("offer_not_found", offerId));
    }

    private Optional<Locked> lock(UUID offerId) {
        return jdbc
                .query(
                        """
                SELECT id, case_id, process_instance_id, task_id, status, offered_to, accepted_by, ended_at,
                       ARRAY(SELECT lawyer_id FROM app.appeal_offer_declines d WHERE d.offer_id = o.id) AS declined
                FROM app.appeal_offers o WHERE id = ? FOR UPDATE""",
                        (row, i) -> new Locked(
                                row.getObject("id", UUID.class),
                                row.getObject("case_id", UUID.class),
                                row.getString("process_instance_id"),
                                row.getString("task_id"),
                                row.getString("status"),
                                strings(row.getArray("offered_to")),
                                row.getString("accepted_by"),
                                instant(row.getTimestamp("ended_at")),
                                strings(row.getArray("declined"))),
                        offerId)
                .stream()
                .findFirst();
    }

    private OfferView view(ResultSet row) throws SQLException {
        List<String> to = strings(row.getArray("offered_to"));
        try {
            List<Decline> declines = Arrays.asList(json.readValue(row.getString("declines"), Decline[].class));
            return new OfferView(
                    row.getObject("id", UUID.class),
                    row.getObject("case_id", UUID.class),
                    row.getString("status"),
                    row.getBoolean("pool"),
                    to.stream().map(id -> new Lawyer(id, null)).toList(),
                    json.readValue(row.getString("summary"), Summary.class),
                    instant(row.getTimestamp("due")),
                    row.getString("offered_by_name"),
                    instant(row.getTimestamp("offered_at")),
                    row.getString("accepted_by_name"),
                    instant(row.getTimestamp("accepted_at")),
                    instant(row.getTimestamp("ended_at")),
                    row.getString("end_reason"),
                    declines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Duration acceptanceTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text.strip());
            if (duration.isNegative() || duration.isZero()) {
                throw AppealProblems.invalid(
                        "offerAcceptanceTime",
                        "not_duration",
                        "must be a positive ISO-8601 duration such as PT4H or P1D");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw AppealProblems.invalid(
                    "offerAcceptanceTime", "not_duration", "must be a positive ISO-8601 duration such as PT4H or P1D");
        }
    }

    private String write(Summary summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.sql.Array textArray(List<String> values) {
        return jdbc.execute((java.sql.Connection c) -> c.createArrayOf("text", values.toArray()));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
