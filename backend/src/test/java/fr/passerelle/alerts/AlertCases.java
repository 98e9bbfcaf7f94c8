package fr.passerelle.alerts;

import fr.passerelle.security.Role;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases of the demo association accueil-lyon, each with a dated task of a test model whose due
 * date is written as the procedure's models write theirs ({@code deadlines.due(execution, rule,
 * 'from')}, the rule in a variable as appeal-contentious.bpmn does); a message "DeadlineMoved"
 * ends the task and opens the same step counted from a new date (legal aid granted, an
 * administrative appeal received: the real models end the task and start it again).
 */
final class AlertCases {
    static final String ASSOCIATION = "accueil-lyon";
    static final String PROCESS = "alerts-deadline";

    private AlertCases() {}

    static void deploy(RepositoryService repository) {
        repository
                .createDeployment()
                .name(PROCESS)
                .enableDuplicateFiltering(true)
                .addModelInstance(
                        PROCESS + ".bpmn",
                        Bpmn.createExecutableProcess(PROCESS)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("act")
                                .name("Déposer le recours")
                                .camundaCandidateGroups("${holders}")
                                .camundaDueDate("${deadlines.due(execution, rule, 'notifiedOn')}")
                                .boundaryEvent("moved")
                                .message("DeadlineMoved")
                                .userTask("actAgain")
                                .name("Déposer le recours (nouveau délai)")
                                .camundaCandidateGroups("${holders}")
                                .camundaDueDate("${deadlines.due(execution, rule, 'restartedOn')}")
                                .endEvent()
                                .moveToActivity("act")
                                .endEvent()
                                .done())
                .deploy();
    }

    /** A new case with the test model running: due by {@code rule} from {@code notifiedOn}, offered to {@code holders}. */
    static UUID open(JdbcTemplate jdbc, RuntimeService runtime, String rule, String notifiedOn, String holders) {
        UUID id = UUID.randomUUID();
        Tenancy.runAs(new CurrentAssociation(ASSOCIATION, Set.of(Role.COORDINATOR)), () -> {
            jdbc.update("""
                    INSERT INTO app.applicants (id, tenant_id, first_name, last_name, created_at, updated_at)
                    VALUES (?, ?, 'Amina', 'Diallo', now(), now())""", id, ASSOCIATION);
            jdbc.update("""
                    INSERT INTO app.cases (id, tenant_id, reference, applicant_id, ground, department, status,
                                           created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'L435-1', '69', 'PREPARATION', now(), now())""", id, ASSOCIATION, "ALR-" + id.toString().substring(0, 8), id);
            return runtime.startProcessInstanceByKey(
                            PROCESS,
                            id.toString(),
                            Map.of("rule", rule, "notifiedOn", notifiedOn, "holders", holders, "department", "69"))
                    .getId();
        });
        return id;
    }
}
