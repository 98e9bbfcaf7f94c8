package fr.passerelle.processes.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The process test infrastructure works: PostgreSQL engine, full history, the {@code deadlines}
 * stand-in in a timer and a due date, the fixed clock, coverage.
 */
@Deployment(resources = "support/smoke.bpmn")
class InfrastructureSmokeTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    @Test
    void runsOnPostgresWithTheDeadlinesStandIn() {
        assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
        assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("full");

        // instances start on this test's own deployment, with a random case id
        assertThat(deploymentId()).isNotNull();
        assertThat(definition("smoke").getDeploymentId()).isEqualTo(deploymentId());
        ProcessInstance pi =
                start("smoke", vars("appointmentDate", "2026-03-10", "decisionNotifiedDate", "2026-01-03"));
        assertThat(pi).isWaitingAt("onDate");
        assertThat(pi.getBusinessKey()).isEqualTo(caseId);

        fireTimer(pi, "onDate", startOf("2026-03-10"));
        Task work = task(pi);
        assertThat(work).hasCandidateGroup("caseworker");
        assertThat(work.getDueDate()).isEqualTo(endOf("2026-03-04"));
        complete(work);

        assertThat(pi).isEnded();
        assertThat(engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .list())
                .extracting(HistoricActivityInstance::getActivityId)
                .contains("started", "onDate", "work", "done");
    }
}
