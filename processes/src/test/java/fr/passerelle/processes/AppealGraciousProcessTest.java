package fr.passerelle.processes;

import fr.passerelle.processes.support.ProcessTestCase;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code appeal-gracious}: the appeal to the prefect, on the course of {@link AdministrativeAppealProcessTestCase}. */
@Deployment(resources = "bpmn/appeal-gracious.bpmn")
class AppealGraciousProcessTest extends AdministrativeAppealProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    AppealGraciousProcessTest() {
        super("appeal-gracious", "Gracious", "Rédiger et envoyer le recours gracieux");
    }
}
