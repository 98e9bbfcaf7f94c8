package fr.passerelle.procedure;

import fr.passerelle.cases.PersonalDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * The case's tasks and what was entered in their forms, from the engine's history, for the applicant's copy
 * of their data (GDPR art. 15, 20): every task of every process of the case (the called ones included), with the
 * values written while it was the current activity, and the values written outside any task.
 */
@Component
class EnginePersonalData implements PersonalDataSource {
    private final HistoryService history;

    EnginePersonalData(HistoryService history) {
        this.history = history;
    }

    record TaskEntry(
            String name,
            String taskKey,
            Instant created,
            Instant ended,
            String assignee,
            String process,
            Map<String, Object> form) {}

    record OtherValue(String name, Object value, Instant at, String process) {}

    @Override
    public Section about(UUID caseId) {
        List<Object> entries = new ArrayList<>();
        List<OtherValue> others = new ArrayList<>();
        for (HistoricProcessInstance instance : CaseInstances.of(history, caseId.toString())) {
            List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId())
                    .orderByHistoricActivityInstanceStartTime()
                    .asc()
                    .list();
            Map<String, Map<String, Object>> forms = new LinkedHashMap<>();
            tasks.forEach(task -> forms.put(task.getActivityInstanceId(), new LinkedHashMap<>()));
            for (HistoricDetail detail : history.createHistoricDetailQuery()
                    .processInstanceId(instance.getId())
                    .variableUpdates()
                    .orderByTime()
                    .asc()
                    .list()) {
                HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
                Object value = plain(update.getValue());
                Map<String, Object> form = forms.get(update.getActivityInstanceId());
                if (form != null) {
                    form.put(update.getVariableName(), value);
                } else {
                    others.add(new OtherValue(
                            update.getVariableName(),
                            value,
                            instant(update.getTime()),
                            instance.getProcessDefinitionKey()));
                }
            }
            for (HistoricTaskInstance task : tasks) {
                entries.add(new TaskEntry(
                        task.getName(),
                        task.getTaskDefinitionKey(),
                        instant(task.getStartTime()),
                        instant(task.getEndTime()),
                        task.getAssignee(),
                        instance.getProcessDefinitionKey(),
                        forms.get(task.getActivityInstanceId())));
            }
        }
        entries.addAll(others);
        return new Section("tasks", "Tâches et formulaires", entries, List.of());
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
