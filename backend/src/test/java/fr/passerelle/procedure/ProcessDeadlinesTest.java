package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.security.Role;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The models' {@code deadlines} bean on the real engine: timers and due dates follow the legal rules. */
@ApiTest
class ProcessDeadlinesTest {
    static final String KEY = "deadline-probe";

    @Autowired
    ProcessEngine engine;

    @BeforeAll
    static void deploy(@Autowired ProcessEngine engine, @Autowired JdbcTemplate jdbc) {
        Associations.ensure(jdbc, Associations.ALPHA);
        var model = Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("appeal")
                .camundaDueDate("${deadlines.due(execution, 'CONTENTIOUS_APPEAL', 'notifiedOn')}")
                .boundaryEvent("missed")
                .timerWithDate("${deadlines.timer(execution, 'CONTENTIOUS_APPEAL', 'notifiedOn')}")
                .endEvent("late")
                .moveToActivity("appeal")
                .endEvent("filed")
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(KEY + ".bpmn", model)
                .deploy();
    }

    private ProcessInstance start(Map<String, Object> variables) {
        return Tenancy.runAs(
                new CurrentAssociation(Associations.ALPHA, Set.of(Role.CASEWORKER)),
                () -> engine.getRuntimeService().startProcessInstanceByKey(KEY, variables));
    }

    @Test
    void aTimerFiresWhenTheLegalDeadlineIsMissedAndTheTaskIsDueOnItsLastDay() {
        // Notified 2 February 2026 in Moselle: franc end Good Friday 3 April, a holiday there,
        // then the weekend and Easter Monday: the last day is Tuesday 7 April.
        ProcessInstance instance = start(Map.of("notifiedOn", "2026-02-02", "department", "57"));
        Job timer = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-04-08T00:00+02:00[Europe/Paris]")
                        .toInstant());
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(task.getDueDate().toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-04-07T23:59:59+02:00[Europe/Paris]")
                        .toInstant());
    }

    @Test
    void theDecidingPrefecturesCalendarCountsWhenThePersonFirstFollowedInMoselleWasRefusedInParis() {
        // The same 2 months from 2 February 2026: refused by the prefect of Paris (prefectureDepartment 75,
        // the competent court's, R312-1 CJA), the case still in Moselle: the earlier of the two calendars,
        // Friday 3 April (Good Friday is a holiday in Moselle only; art. 642 CPC).
        ProcessInstance instance =
                start(Map.of("notifiedOn", "2026-02-02", "department", "57", "prefectureDepartment", "75"));
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(task.getDueDate().toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-04-03T23:59:59+02:00[Europe/Paris]")
                        .toInstant());
        // the court known: its calendar alone
        ProcessInstance atTheCourt = start(Map.of(
                "notifiedOn", "2026-02-02", "department", "75", "prefectureDepartment", "75", "courtDepartment", "57"));
        Task courtTask = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(atTheCourt.getId())
                .singleResult();
        assertThat(courtTask.getDueDate().toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-04-07T23:59:59+02:00[Europe/Paris]")
                        .toInstant());
    }

    @Test
    void withoutADepartmentTheNationalCalendarApplies() {
        ProcessInstance instance = start(Map.of("notifiedOn", "2026-02-02"));
        Job timer = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-04-04T00:00+02:00[Europe/Paris]")
                        .toInstant());
    }

    @Test
    void aMissingDateStopsTheStepWithAClearMessage() {
        assertThatThrownBy(() -> start(Map.of("department", "69")))
                .hasMessageContaining("notifiedOn")
                .hasMessageContaining("not set");
    }
}
