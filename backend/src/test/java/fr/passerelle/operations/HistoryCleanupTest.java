package fr.passerelle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.ApiTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's history does not grow forever: every process has a time to live, and cleanup has its window. */
@ApiTest
class HistoryCleanupTest {
    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Test
    void everyDeployedProcessHasAHistoryTimeToLive() {
        var definitions =
                repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(definitions)
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .as(definition.getKey())
                        .isNotNull()
                        .isPositive());
    }

    @Test
    void cleanupRunsByRemovalTimeInsideItsNightlyWindow() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(history.findHistoryCleanupJobs())
                .as("the engine scheduled its cleanup job for the window")
                .isNotEmpty();
    }
}
