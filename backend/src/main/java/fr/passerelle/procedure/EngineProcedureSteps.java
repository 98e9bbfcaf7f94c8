package fr.passerelle.procedure;

import fr.passerelle.cases.ProcedureSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** A case's steps from the engine's history: its root processes and every process they called. */
@Component
class EngineProcedureSteps implements ProcedureSteps {
    private final HistoryService history;

    EngineProcedureSteps(HistoryService history) {
        this.history = history;
    }

    @Override
    public List<Step> of(UUID caseId) {
        return activities(caseId.toString()).stream()
                .map(activity -> new Step(
                        activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId(),
                        activity.getActivityType(),
                        activity.getStartTime().toInstant(),
                        activity.getEndTime() == null
                                ? null
                                : activity.getEndTime().toInstant(),
                        activity.isCanceled(),
                        activity.getAssignee()))
                .toList();
    }

    private List<HistoricActivityInstance> activities(String businessKey) {
        List<HistoricActivityInstance> activities = new ArrayList<>();
        for (HistoricProcessInstance instance : CaseInstances.of(history, businessKey)) {
            activities.addAll(history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .list());
        }
        return activities.stream().distinct().toList();
    }
}
