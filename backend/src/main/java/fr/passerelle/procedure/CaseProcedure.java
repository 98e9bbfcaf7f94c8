package fr.passerelle.procedure;

import fr.passerelle.cases.CaseDeleted;
import fr.passerelle.cases.CaseOpened;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case's procedure: the main process {@code regularisation}, started with the case (same
 * transaction: no case without its procedure) and removed with it. The case id is the
 * business key every outside event is correlated by.
 */
@Component
class CaseProcedure {
    static final String MAIN_PROCESS = "regularisation";
    private final RuntimeService runtime;

    CaseProcedure(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void start(CaseOpened opened) {
        runtime.createProcessInstanceByKey(MAIN_PROCESS)
                .businessKey(opened.caseId().toString())
                .setVariables(Map.of(
                        "caseId", opened.caseId().toString(),
                        "department", opened.department(),
                        "onlineFiling", opened.onlineFiling()))
                .execute();
    }

    /**
     * Ends every process instance of the case, in the case's transaction: the main one and the
     * ones it called (appointment, receipt, an appeal...), with their timers and tasks; the task
     * lists' rows go with their tasks (a built-in listener) and with the case row. Deleting the
     * roots deletes what they called; the case's own listeners and output mappings are skipped,
     * as they would act on a case that is gone.
     */
    @EventListener
    void remove(CaseDeleted deleted) {
        String caseId = deleted.caseId().toString();
        Set<String> roots = new LinkedHashSet<>();
        runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .list()
                .forEach(instance -> roots.add(
                        instance.getRootProcessInstanceId() != null
                                ? instance.getRootProcessInstanceId()
                                : instance.getId()));
        for (String root : roots) {
            runtime.deleteProcessInstanceIfExists(root, "case deleted", true, true, true, false);
        }
        long left = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .count();
        if (left > 0) {
            throw new IllegalStateException(left + " process instances of case " + caseId + " outlived its deletion");
        }
    }
}
