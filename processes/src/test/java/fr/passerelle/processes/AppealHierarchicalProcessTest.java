package fr.passerelle.processes;

import fr.passerelle.processes.support.ProcessTestCase;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code appeal-hierarchical}: the appeal to the Minister of the Interior, on the course of {@link AdministrativeAppealProcessTestCase}. */
@Deployment(resources = "bpmn/appeal-hierarchical.bpmn")
class AppealHierarchicalProcessTest extends AdministrativeAppealProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    AppealHierarchicalProcessTest() {
        super("appeal-hierarchical", "Hierarchical", "Rédiger et envoyer le recours hiérarchique");
    }
}
