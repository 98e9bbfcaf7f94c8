package fr.passerelle.procedure;

import fr.passerelle.cases.CaseDeleted;
import fr.passerelle.cases.CaseOpened;
import java.util.Map;
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

    @EventListener
    void remove(CaseDeleted deleted) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(deleted.caseId().toString()).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "case deleted"));
    }
}
