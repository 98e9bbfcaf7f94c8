package fr.passerelle.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** A case's processes in the engine's history: those whose business key is the case, and every process they called. */
final class CaseInstances {
    private CaseInstances() {}

    static List<HistoricProcessInstance> of(HistoryService history, String caseId) {
        Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
        for (HistoricProcessInstance root : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .list()) {
            found.putIfAbsent(root.getId(), root);
            String rootId = root.getRootProcessInstanceId() != null ? root.getRootProcessInstanceId() : root.getId();
            history.createHistoricProcessInstanceQuery()
                    .rootProcessInstanceId(rootId)
                    .list()
                    .forEach(called -> found.putIfAbsent(called.getId(), called));
        }
        return List.copyOf(found.values());
    }
}
