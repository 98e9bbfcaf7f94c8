package fr.passerelle.appeals;

import fr.passerelle.cases.CaseGrants;
import fr.passerelle.security.Users;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A lawyer reads a case while a contentious appeal of it is offered to them or accepted by
 * them (appeal-contentious.bpmn: {@code offeredLawyerId}, {@code lawyerId}). The grant is
 * derived from the running appeal, so it is revoked by itself: when the coordinator offers the
 * appeal to someone else, or the appeal ends.
 */
@Component
class AppealGrants implements CaseGrants {
    static final String CONTENTIOUS_APPEAL = "appeal-contentious";
    private final RuntimeService runtime;

    AppealGrants(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean lawyerMayRead(UUID caseId) {
        String me = Users.current().orElseThrow().id();
        return holds(caseId, "lawyerId", me) || holds(caseId, "offeredLawyerId", me);
    }

    private boolean holds(UUID caseId, String variable, String lawyer) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey(CONTENTIOUS_APPEAL)
                .variableValueEquals(variable, lawyer)
                .count() > 0;
    }
}
