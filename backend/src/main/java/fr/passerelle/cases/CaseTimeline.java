package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to a case, newest first: the changes in the audit log, and the steps of its
 * procedure from the engine's history (every process instance whose business key is the case
 * id, with the sub-processes they called). Engine queries run with the caller's engine
 * authentication (set per request), so the engine's tenant check applies to them too.
 */
@Service
class CaseTimeline {
    static final int MAX_CHANGES = 500;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final Audit audit;
    private final HistoryService history;

    CaseTimeline(CaseRepository cases, CaseAccess access, Audit audit, HistoryService history) {
        this.cases = cases;
        this.access = access;
        this.audit = audit;
        this.history = history;
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
        cases.require(caseId);
        List<Entry> entries = new ArrayList<>();
        for (AuditEvent event : audit.changesOf(caseId, MAX_CHANGES)) {
            entries.add(new Entry(event.at(), Kind.CHANGE, event.action(), event.actorName(), event.detail(), null));
        }
        for (HistoricActivityInstance activity : activities(caseId.toString())) {
            if (activity.getActivityType().endsWith("Gateway")
                    || "multiInstanceBody".equals(activity.getActivityType())) {
                continue;
            }
            String name = activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
            Instant start = activity.getStartTime().toInstant();
            Instant end =
                    activity.getEndTime() == null ? null : activity.getEndTime().toInstant();
            if (end == null || end.isAfter(start)) {
                entries.add(new Entry(
                        start, Kind.ACTIVITY_STARTED, name, activity.getAssignee(), null, activity.getActivityType()));
            }
            if (end != null) {
                entries.add(new Entry(
                        end,
                        activity.isCanceled() ? Kind.ACTIVITY_CANCELLED : Kind.ACTIVITY_ENDED,
                        name,
                        activity.getAssignee(),
                        null,
                        activity.getActivityType()));
            }
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        audit.read(caseId, "timeline");
        return entries;
    }

    private List<HistoricActivityInstance> activities(String businessKey) {
        List<HistoricActivityInstance> activities = new ArrayList<>();
        for (HistoricProcessInstance root : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .list()) {
            String rootId = root.getRootProcessInstanceId() != null ? root.getRootProcessInstanceId() : root.getId();
            List<String> instances = new ArrayList<>();
            instances.add(root.getId());
            history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId).list().stream()
                    .map(HistoricProcessInstance::getId)
                    .filter(id -> !instances.contains(id))
                    .forEach(instances::add);
            for (String instance : instances) {
                activities.addAll(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .list());
            }
        }
        return activities.stream().distinct().toList();
    }
}
