package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to a case, newest first: the changes in the audit log, and the steps of its
 * procedure from the engine's history (every process instance whose business key is the case
 * id, with the sub-processes they called), read through {@link ProcedureSteps}.
 */
@Service
class CaseTimeline {
    static final int MAX_CHANGES = 500;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final Audit audit;
    private final ProcedureSteps steps;

    CaseTimeline(CaseRepository cases, CaseAccess access, Audit audit, ProcedureSteps steps) {
        this.cases = cases;
        this.access = access;
        this.audit = audit;
        this.steps = steps;
    }

    enum Kind {
        CHANGE,
        ACTIVITY_STARTED,
        ACTIVITY_ENDED,
        ACTIVITY_CANCELLED
    }

    /** One line of the timeline: when, what kind, what (an action or an activity's name), by whom, detail. */
    record Entry(Instant at, Kind kind, String what, String actor, String detail, String activityType) {}

    @Transactional // not read-only: it writes the audit log's read entry
    List<Entry> of(UUID caseId) {
        access.requireStaff(); // the association's work on the case: never a lawyer's appeal part
        access.requireNotArchived(cases.require(caseId));
        List<Entry> entries = new ArrayList<>();
        for (AuditEvent event : audit.changesOf(caseId, MAX_CHANGES)) {
            entries.add(new Entry(event.at(), Kind.CHANGE, event.action(), event.actorName(), event.detail(), null));
        }
        for (ProcedureSteps.Step step : steps.of(caseId)) {
            if (step.activityType().endsWith("Gateway") || "multiInstanceBody".equals(step.activityType())) {
                continue;
            }
            if (step.end() == null || step.end().isAfter(step.start())) {
                entries.add(new Entry(
                        step.start(), Kind.ACTIVITY_STARTED, step.name(), step.assignee(), null, step.activityType()));
            }
            if (step.end() != null) {
                entries.add(new Entry(
                        step.end(),
                        step.cancelled() ? Kind.ACTIVITY_CANCELLED : Kind.ACTIVITY_ENDED,
                        step.name(),
                        step.assignee(),
                        null,
                        step.activityType()));
            }
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        audit.read(caseId, "timeline");
        return entries;
    }
}
