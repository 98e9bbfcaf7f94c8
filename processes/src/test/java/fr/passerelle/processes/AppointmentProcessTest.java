package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.passerelle.processes.support.ProcessTestCase;
import fr.passerelle.processes.support.TestAppointmentLog;
import fr.passerelle.processes.support.TestStepRules;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code appointment}: online filing, booking attempts, registered letter and weekly follow-ups, the day. */
@Deployment(resources = "bpmn/appointment.bpmn")
class AppointmentProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    @Test
    void onlineFilingOnTheAnefEndsWithoutAnAppointment() {
        ProcessInstance pi = start("appointment", vars("department", "69", "onlineFiling", true));

        Task fileOnline = task(pi);
        assertThat(fileOnline).hasDefinitionKey("fileOnline").hasCandidateGroup("caseworker");
        assertThat(fileOnline.getName()).isEqualTo("Déposer la demande en ligne (ANEF)");
        complete(fileOnline, vars("onlineFiled", true));

        assertThat(pi).isEnded().hasPassed("filedOnline");
        assertThat(pi).variables().containsEntry("filingMode", "ONLINE").doesNotContainKey("appointmentDate");
    }

    /**
     * Issue 18, item 16: a birth date entered after triage (the appointment waits without an age limit)
     * is read again: the coordinator's task appears, due by the limit.
     */
    @Test
    void aBirthDateEnteredAfterTriageGivesTheAgeLimitTask() {
        ProcessInstance pi = start("appointment", vars("department", "69", "onlineFiling", false));
        assertThat(pi).isWaitingAt("recordBookingAttempt", "noAgeLimit");

        TestStepRules.ageLimit(caseId, "2007-06-14");
        correlate("BirthDateChanged", java.util.Map.of());

        Task limit = task(pi, "fileBeforeAgeLimit");
        assertThat(limit.getDueDate()).isEqualTo(endOf("2026-06-13"));
        assertThat(task(pi, "recordBookingAttempt")).isNotNull();
    }

    /** Issue 18, item 16: a corrected birth date re-dates the open task; a date that lifts the limit closes it. */
    @Test
    void aCorrectedBirthDateMovesTheAgeLimitTasksDueDate() {
        TestStepRules.ageLimit(caseId, "2007-06-14");
        ProcessInstance pi = start("appointment", vars("department", "69", "onlineFiling", false));
        assertThat(task(pi, "fileBeforeAgeLimit").getDueDate()).isEqualTo(endOf("2026-06-13"));

        TestStepRules.ageLimit(caseId, "2007-03-02");
        correlate("BirthDateChanged", java.util.Map.of());
        assertThat(task(pi, "fileBeforeAgeLimit").getDueDate()).isEqualTo(endOf("2026-03-01"));
        assertThat(pi).variables().containsEntry("ageLimitFrom", "2007-03-02");

        TestStepRules.noAgeLimit(caseId);
        correlate("BirthDateChanged", java.util.Map.of());
        assertThat(pi).isWaitingAt("recordBookingAttempt", "noAgeLimit");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("fileBeforeAgeLimit")
                        .count())
                .isZero();
    }

    /**
     * Issue 18, item 16: L423-22, born 14 June 2007: the coordinator is asked at once to have the
     * application filed before the age limit (stand-in: the day before the 19th birthday), beside the
     * booking; obtaining the appointment closes it.
     */
    @Test
    void anAgeLimitedGroundGivesTheCoordinatorATaskDueBeforeTheLimitBesideTheBooking() {
        TestStepRules.ageLimit(caseId, "2007-06-14");
        ProcessInstance pi = start("appointment", vars("department", "69", "onlineFiling", false));

        assertThat(pi).variables().containsEntry("ageLimitRule", "AGE_LIMITED_GROUND");
        Task limit = task(pi, "fileBeforeAgeLimit");
        assertThat(limit).hasCandidateGroup("coordinator");
        assertThat(limit.getDueDate()).isEqualTo(endOf("2026-06-13"));
        assertThat(limit.getPriority()).isEqualTo(80);
        assertThat(task(pi, "recordBookingAttempt")).isNotNull();

        complete(limit, vars("ageLimitAction", "USEFUL_MEASURES_REFERRAL"));
        assertThat(pi).hasPassed("ageLimitWatched").isNotEnded();
    }

    @Test
    void theAgeLimitTaskClosesWhenTheApplicationIsFiled() {
        TestStepRules.ageLimit(caseId, "2007-06-14");
        ProcessInstance pi = start("appointment", vars("department", "69", "onlineFiling", true));
        assertThat(task(pi, "fileBeforeAgeLimit")).isNotNull();
        complete(task(pi, "fileOnline"), vars("onlineFiled", true));
        assertThat(pi).isEnded().hasPassed("filedOnline").hasNotPassed("ageLimitWatched");
    }

    /** Item 9: after 3 failed attempts within 4 weeks, the référé "mesures utiles" is proposed once, with the dated log. */
    @Test
    void threeFailedAttemptsWithinFourWeeksProposeTheUsefulMeasuresReferralWithTheDatedLog() {
        ProcessInstance pi = start("appointment", vars("department", "69", "onlineFiling", false));
        String[][] failures = {
            {"2026-03-02T09:00", "NO_SLOT"},
            {"2026-03-09T09:00", "SERVICE_UNAVAILABLE"},
            {"2026-04-20T09:00", "NO_SLOT"},
            {"2026-04-27T09:00", "NO_ANSWER"}
        };
        for (String[] failure : failures) {
            complete(
                    task(pi, "recordBookingAttempt"),
                    vars(
                            "attemptAt",
                            failure[0],
                            "attemptChannel",
                            "PREFECTURE_WEBSITE",
                            "attemptResult",
                            failure[1],
                            "attemptEvidence",
                            "capture d'écran",
                            "sendByRegisteredLetter",
                            false));
        }
        // two in March, more than 4 weeks before the latest: only 2 failures in the window so far
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("proposeUsefulMeasuresReferral")
                        .count())
                .isZero();

        complete(
                task(pi, "recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-05-04T09:00",
                        "attemptChannel",
                        "PHONE",
                        "attemptResult",
                        "NO_SLOT",
                        "sendByRegisteredLetter",
                        false));
        Task referral = task(pi, "proposeUsefulMeasuresReferral");
        assertThat(referral).hasCandidateGroup("coordinator");
        assertThat(referral.getDueDate()).isEqualTo(endOf("2026-05-11"));
        assertThat(pi)
                .variables()
                .containsEntry("failedAttemptsCount", 3)
                .containsEntry("usefulMeasuresProposed", true);
        String log = (String) engine.getRuntimeService().getVariable(pi.getId(), "failedAttemptsLog");
        assertThat(log.lines())
                .containsExactly(
                        "- lundi 20 avril 2026 à 09h00 : site de la préfecture, aucun créneau (preuve : capture d'écran)",
                        "- lundi 27 avril 2026 à 09h00 : site de la préfecture, pas de réponse (preuve : capture d'écran)",
                        "- lundi 4 mai 2026 à 09h00 : téléphone, aucun créneau (preuve : capture d'écran)");

        // the attempts go on; a further failure proposes nothing more
        complete(
                task(pi, "recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-05-05T09:00",
                        "attemptChannel",
                        "PHONE",
                        "attemptResult",
                        "NO_SLOT",
                        "sendByRegisteredLetter",
                        false));
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("proposeUsefulMeasuresReferral")
                        .count())
                .isEqualTo(1);
        complete(referral, vars("usefulMeasuresDecision", "FILE_REFERRAL"));
        assertThat(pi).hasPassed("referralProposed");

        // every attempt is in the case's log, not only in the engine's history
        TestAppointmentLog logBean =
                (TestAppointmentLog) ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getBeans()
                        .get("appointmentLog");
        assertThat(logBean.of(caseId)).hasSize(6);

        complete(
                task(pi, "recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-05-06T09:00",
                        "attemptChannel",
                        "PHONE",
                        "attemptResult",
                        "SLOT_OBTAINED",
                        "appointmentDate",
                        "2026-05-20"));
        complete(task(pi, "prepareAppointment"));
        fireTimer(pi, "appointmentDay", startOf("2026-05-20"));
        complete(task(pi, "attendAppointment"), vars("appointmentOutcome", "HELD"));
        assertThat(pi).isEnded().hasPassed("appointmentHeld");
    }

    @Test
    void failedOnlineFilingFallsBackToBookingAndEveryAttemptIsKept() {
        ProcessInstance pi = start("appointment", vars("onlineFiling", true));
        complete(task(pi), vars("onlineFiled", false, "onlineFilingIssue", "ANEF: erreur 500 à 10:02"));

        Task attempt = task(pi);
        assertThat(attempt).hasDefinitionKey("recordBookingAttempt").hasCandidateGroup("caseworker");
        assertThat(attempt.getDueDate()).isNull();
        complete(
                attempt,
                vars(
                        "attemptAt",
                        "2026-03-02T09:05",
                        "attemptChannel",
                        "PREFECTURE_WEBSITE",
                        "attemptResult",
                        "NO_SLOT",
                        "sendByRegisteredLetter",
                        false));
        complete(
                task(pi, "recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-03-03T14:30",
                        "attemptChannel",
                        "PHONE",
                        "attemptResult",
                        "NO_ANSWER",
                        "sendByRegisteredLetter",
                        false));
        // a slot without its date is not a slot: one more attempt, with the date this time
        complete(
                task(pi, "recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-03-04T08:59",
                        "attemptChannel",
                        "PREFECTURE_WEBSITE",
                        "attemptResult",
                        "SLOT_OBTAINED"));
        complete(
                task(pi, "recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-03-04T09:00",
                        "attemptChannel",
                        "PREFECTURE_WEBSITE",
                        "attemptResult",
                        "SLOT_OBTAINED",
                        "appointmentDate",
                        "2026-03-20"));

        // the proof: every attempt's date and time stays in the history
        List<String> attempts = engine
                .getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(pi.getId())
                .variableUpdates()
                .orderByTime()
                .asc()
                .list()
                .stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(u -> u.getVariableName().equals("attemptAt"))
                .map(u -> (String) u.getValue())
                .toList();
        assertThat(attempts)
                .containsExactly("2026-03-02T09:05", "2026-03-03T14:30", "2026-03-04T08:59", "2026-03-04T09:00");

        Task prepare = task(pi);
        assertThat(prepare).hasDefinitionKey("prepareAppointment").hasCandidateGroup("caseworker");
        assertThat(prepare.getDueDate()).isEqualTo(startOf("2026-03-20"));
        complete(prepare);

        assertThat(pi).isWaitingAt("appointmentDay");
        fireTimer(pi, "appointmentDay", startOf("2026-03-20"));
        Task attend = task(pi);
        assertThat(attend).hasDefinitionKey("attendAppointment").hasCandidateGroup("caseworker");
        complete(attend, vars("appointmentOutcome", "HELD"));

        assertThat(pi).isEnded().hasPassed("appointmentHeld");
        assertThat(pi)
                .variables()
                .containsEntry("filingMode", "APPOINTMENT")
                .containsEntry("appointmentDate", "2026-03-20");
    }

    @Test
    void noSlotRegisteredLetterThenWeeklyFollowUpsUntilAnAppointmentIsGiven() {
        ProcessInstance pi = start("appointment", vars("onlineFiling", false));
        complete(
                task(pi, "recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-03-02T09:05",
                        "attemptChannel",
                        "PREFECTURE_WEBSITE",
                        "attemptResult",
                        "NO_SLOT",
                        "sendByRegisteredLetter",
                        true));

        Task letter = task(pi);
        assertThat(letter).hasDefinitionKey("sendRegisteredLetter").hasCandidateGroup("caseworker");
        complete(letter, vars("registeredLetterSentDate", "2026-03-05", "registeredLetterNumber", "1A 234 567 8901 2"));
        assertThat(pi)
                .variables()
                .containsEntry("filingMode", "REGISTERED_LETTER")
                .containsEntry("lastFollowUpDate", "2026-03-05");

        // a week without an answer: follow up, from the date the letter was sent
        assertThat(task(pi)).hasDefinitionKey("awaitPrefectureAnswer");
        fireTimer(pi, "followUpDue", startOf("2026-03-12"));
        Task followUp = task(pi);
        assertThat(followUp).hasDefinitionKey("followUp").hasCandidateGroup("caseworker");
        assertThat(followUp.getDueDate()).isEqualTo(endOf("2026-03-12"));
        complete(
                followUp,
                vars("followUpDate", "2026-03-12", "followUpChannel", "EMAIL", "followUpResult", "NO_ANSWER"));

        // and again a week after that follow-up
        assertThat(task(pi)).hasDefinitionKey("awaitPrefectureAnswer");
        assertThat(pi).variables().containsEntry("lastFollowUpDate", "2026-03-12");
        fireTimer(pi, "followUpDue", startOf("2026-03-19"));
        followUp = task(pi, "followUp");
        assertThat(followUp.getDueDate()).isEqualTo(endOf("2026-03-19"));
        complete(
                followUp,
                vars(
                        "followUpDate",
                        "2026-03-19",
                        "followUpChannel",
                        "PHONE",
                        "followUpResult",
                        "APPOINTMENT_GIVEN",
                        "appointmentDate",
                        "2026-04-02"));

        assertThat(task(pi)).hasDefinitionKey("prepareAppointment");
        assertThat(task(pi).getDueDate()).isEqualTo(startOf("2026-04-02"));
        complete(task(pi));
        fireTimer(pi, "appointmentDay", startOf("2026-04-02"));
        complete(task(pi, "attendAppointment"), vars("appointmentOutcome", "HELD"));

        assertThat(pi).isEnded();
        assertThat(pi)
                .variables()
                .containsEntry("filingMode", "REGISTERED_LETTER")
                .containsEntry("appointmentDate", "2026-04-02");
    }

    @Test
    void prefectureAnswersTheLetterThenReschedulesThenTheAppointmentIsMissed() {
        ProcessInstance pi = start("appointment", vars("onlineFiling", false));
        complete(
                task(pi, "recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-03-02T09:05",
                        "attemptChannel",
                        "COUNTER",
                        "attemptResult",
                        "REFUSED",
                        "sendByRegisteredLetter",
                        true));
        complete(task(pi, "sendRegisteredLetter"), vars("registeredLetterSentDate", "2026-03-03"));

        // the answer comes before the first follow-up: the follow-up timer goes with the waiting task
        complete(task(pi, "awaitPrefectureAnswer"), vars("appointmentDate", "2026-03-16"));
        assertThat(hasTimer(pi, "followUpDue")).isFalse();

        complete(task(pi, "prepareAppointment"));
        fireTimer(pi, "appointmentDay", startOf("2026-03-16"));
        complete(
                task(pi, "attendAppointment"),
                vars("appointmentOutcome", "RESCHEDULED", "appointmentDate", "2026-03-25"));

        // prepared again for the new date
        assertThat(task(pi, "prepareAppointment").getDueDate()).isEqualTo(startOf("2026-03-25"));
        complete(task(pi));
        fireTimer(pi, "appointmentDay", startOf("2026-03-25"));
        complete(task(pi, "attendAppointment"), vars("appointmentOutcome", "MISSED"));

        // missed: book again
        Task attempt = task(pi);
        assertThat(attempt).hasDefinitionKey("recordBookingAttempt");
        complete(
                attempt,
                vars(
                        "attemptAt",
                        "2026-03-26T10:00",
                        "attemptChannel",
                        "EMAIL",
                        "attemptResult",
                        "SLOT_OBTAINED",
                        "appointmentDate",
                        "2026-04-08"));
        complete(task(pi, "prepareAppointment"));
        fireTimer(pi, "appointmentDay", startOf("2026-04-08"));
        complete(task(pi, "attendAppointment"), vars("appointmentOutcome", "HELD"));

        assertThat(pi).isEnded().hasPassed("appointmentHeld");
        assertThat(pi)
                .variables()
                .containsEntry("filingMode", "APPOINTMENT")
                .containsEntry("appointmentDate", "2026-04-08");
    }

    private static String resource(String path) throws java.io.IOException {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Issue 18: where personal appearance is required, a registered letter is no filing and its receipt
     * fixes no date (CE avis 10 Oct 2024 n° 493514): the form and the model no longer say otherwise.
     */
    @Test
    void theRegisteredLetterDoesNotSayItsReceiptFixesTheFilingDate() throws Exception {
        String form = resource("forms/appointment-registered-letter.form");
        assertThat(form).contains("493514", "ne fixe pas la date de dépôt").doesNotContain("fixe la date de dépôt.");
        assertThat(resource("bpmn/appointment.bpmn"))
                .doesNotContain("pour fixer la date de dépôt")
                .doesNotContain("La date de réception portée sur l'AR fixe la date de dépôt");
        assertThat(resource("forms/filing-record.form")).doesNotContain("recommandé : date de réception sur l'AR");
    }
}
