package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.security.Role;
import fr.passerelle.support.ApiTest;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Shared definitions, instances owned by one association, and the engine's tenant check applied. */
@ApiTest
class EngineTenancyTest {
    static final String KEY = "tenancy-probe";

    @Autowired
    ProcessEngine engine;

    @BeforeAll
    static void deploy(@Autowired ProcessEngine engine) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("work")
                .camundaCandidateGroups("caseworker")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(KEY + ".bpmn", model)
                .deploy();
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void anInstanceBelongsToTheAssociationItWasStartedFor() {
        ProcessInstance instance = startFor(ALPHA);
        assertThat(instance.getTenantId()).isEqualTo(ALPHA);
        assertThat(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(KEY)
                        .latestVersion()
                        .singleResult()
                        .getTenantId())
                .as("definitions are shared")
                .isNull();
    }

    @Test
    void anotherAssociationsMembersSeeNeitherItsInstancesNorItsTasks() {
        ProcessInstance alpha = startFor(ALPHA);
        IdentityService identity = engine.getIdentityService();

        identity.setAuthentication("sofia", List.of("caseworker"), List.of(BETA));
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(alpha.getId())
                        .list())
                .isEmpty();
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(alpha.getId())
                        .list())
                .isEmpty();

        identity.setAuthentication("ines", List.of("caseworker"), List.of(ALPHA));
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(alpha.getId())
                        .taskCandidateGroup("caseworker")
                        .list())
                .hasSize(1);
    }

    @Test
    void anInstanceCannotBeStartedOutsideAnAssociation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> engine.getRuntimeService().startProcessInstanceByKey(KEY))
                .hasMessageContaining("association");
    }

    private ProcessInstance startFor(String association) {
        return Tenancy.runAs(
                new CurrentAssociation(association, Set.of(Role.CASEWORKER)),
                () -> engine.getRuntimeService().startProcessInstanceByKey(KEY));
    }
}
