package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.passerelle.processes.support.ProcessTestCase;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code appeal-contentious}: the appeal offered to a lawyer who accepts or declines; the deadline by
 * the rule that applies (CONTENTIOUS_APPEAL, or the OQTF regimes) and from the right date; legal aid
 * that restarts it when requested in time; the escalation when the request is not filed by the
 * deadline; référés, the hearing (postponed or not) and the judgment, during the proceedings or after.
 */
@Deployment(resources = "bpmn/appeal-contentious.bpmn")
class AppealContentiousProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

  private Task openTask(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  /** The coordinator offers the appeal to {@code lawyer}, who accepts; asserts the deadline on both tasks. */
  private void offerAndAccept(ProcessInstance pi, String lawyer, Date due) {
    Task offer = task(pi, "offerAppealToLawyer");
    assertThat(offer).hasCandidateGroup("coordinator");
    assertThat(offer.getDueDate()).isEqualTo(due);
    complete(offer, vars("offeredLawyerId", lawyer));

    Task accept = task(pi, "acceptAppeal");
    assertThat(accept).hasCandidateUser(lawyer);
    assertThat(accept.getAssignee()).isNull();
    assertThat(accept.getDueDate()).isEqualTo(due);
    complete(accept, vars("appealAccepted", true));
    assertThat(pi).variables().containsEntry("lawyerId", lawyer);
  }

  private void chooseStrategy(ProcessInstance pi, String lawyer, Date due, boolean legalAid, String urgent) {
    Task strategy = task(pi, "chooseContentiousStrategy");
    assertThat(strategy).isAssignedTo(lawyer);
    assertThat(strategy.getDueDate()).isEqualTo(due);
    complete(strategy, vars("legalAidRequested", legalAid, "urgentProcedure", urgent));
  }

  private void fileRequest(ProcessInstance pi, String lawyer, Date due, String filedDate) {
    Task file = task(pi, "fileRequest");
    assertThat(file).isAssignedTo(lawyer);
    assertThat(file.getDueDate()).isEqualTo(due);
    complete(file, vars("requestFiledDate", filedDate, "courtName", "Tribunal administratif de Lyon",
        "courtCaseNumber", "2601234"));
  }

  private void notifyJudgment(String outcome, String date) {
    correlate("JudgmentNotified", vars("judgmentOutcome", outcome, "judgmentDate", date));
  }

  @Test
  void aDeclinedOfferLegalAidInTimeSuspensionAPostponedHearingThenAnAnnulmentWithReexamination() {
    // refused on 20 February: 2 months (stand-in: + 1 day) from the notification, to 21 April
    ProcessInstance pi = start("appeal-contentious", vars("department", "69", "decisionOutcome", "REFUSED",
        "decisionNotifiedDate", "2026-02-20"));
    assertThat(pi).variables().containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL")
        .containsEntry("contentiousAppealFrom", "2026-02-20");

    Task offer = task(pi);
    assertThat(offer).hasDefinitionKey("offerAppealToLawyer").hasCandidateGroup("coordinator");
    assertThat(offer.getName()).isEqualTo("Proposer le recours à un avocat");
    complete(offer, vars("offeredLawyerId", "lawyer-durand"));
    Task accept = task(pi);
    assertThat(accept).hasDefinitionKey("acceptAppeal").hasCandidateUser("lawyer-durand");
    complete(accept, vars("appealAccepted", false, "declineReason", "Pas disponible avant mai"));

    // back to the coordinator, who offers it to another lawyer
    offerAndAccept(pi, "lawyer-martin", endOf("2026-04-21"));
    chooseStrategy(pi, "lawyer-martin", endOf("2026-04-21"), true, "SUSPENSION");

    Task legalAid = task(pi);
    assertThat(legalAid).hasDefinitionKey("requestLegalAid").hasCandidateGroup("caseworker");
    assertThat(legalAid.getDueDate()).isEqualTo(endOf("2026-04-21"));
    complete(legalAid, vars("legalAidRequestedDate", "2026-03-10", "legalAidOffice", "BAJ Lyon"));
    Task legalAidDecision = task(pi);
    assertThat(legalAidDecision).hasDefinitionKey("recordLegalAidDecision").hasCandidateGroup("caseworker");
    complete(legalAidDecision, vars("legalAidDecisionDate", "2026-04-15", "legalAidGranted", true));

    // requested in time: the deadline restarts in full from the legal-aid decision (décret 2020-1717 art. 43)
    assertThat(pi).variables().containsEntry("contentiousAppealFrom", "2026-04-15");
    assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(startOf("2026-06-17"));
    fileRequest(pi, "lawyer-martin", endOf("2026-06-16"), "2026-05-20");
    assertThat(hasTimer(pi, "filingDeadlineReached")).isFalse();

    // the référé-suspension and the hearing run side by side
    assertThat(pi).isActive();
    Task suspension = task(pi, "fileSuspensionRequest");
    assertThat(suspension).isAssignedTo("lawyer-martin");
    assertThat(openTask(pi, "recordHearingDate")).isNotNull();
    complete(suspension, vars("urgentRequestFiledDate", "2026-05-20", "urgentCaseNumber", "2601235"));
    Task order = task(pi, "recordUrgentOrder");
    assertThat(order).isAssignedTo("lawyer-martin");
    complete(order, vars("urgentOrderDate", "2026-06-02", "urgentOrderOutcome", "GRANTED"));

    Task hearingDate = task(pi);
    assertThat(hearingDate).hasDefinitionKey("recordHearingDate").isAssignedTo("lawyer-martin");
    complete(hearingDate, vars("hearingDate", "2026-09-15"));
    fireTimer(pi, "hearingDay", startOf("2026-09-15"));
    Task report = task(pi);
    assertThat(report).hasDefinitionKey("reportHearing").isAssignedTo("lawyer-martin");
    complete(report, vars("hearingPostponed", true, "hearingDate", "2026-10-06"));
    fireTimer(pi, "hearingDay", startOf("2026-10-06"));
    complete(task(pi, "reportHearing"), vars("hearingPostponed", false, "judgmentExpectedDate", "2026-10-20"));

    assertThat(pi).isWaitingAt("judgmentNotified");
    notifyJudgment("ANNULMENT_REEXAMINE", "2026-10-20");
    Task execution = task(pi);
    assertThat(execution).hasDefinitionKey("requestJudgmentExecution").isAssignedTo("lawyer-martin");
    complete(execution, vars("executionRequestedDate", "2026-10-21", "injunctionDeadline", "2026-12-20"));

    assertThat(pi).isEnded().hasPassed("urgentProcedureDone", "hearingHeld", "annulmentObtained")
        .hasNotPassed("judgmentNotifiedDuringProceedings", "handleMissedFilingDeadline");
    assertThat(pi).variables().containsEntry("judgmentOutcome", "ANNULMENT_REEXAMINE")
        .containsEntry("judgmentDate", "2026-10-20").containsEntry("lawyerId", "lawyer-martin")
        .containsEntry("requestFiledDate", "2026-05-20");
  }

  @Test
  void anOqtfInRetentionCountsFortyEightHoursToTheMinuteAndAJudgmentEndsTheProceedings() {
    ProcessInstance pi = start("appeal-contentious", vars("decisionOutcome", "REFUSED_WITH_OQTF",
        "decisionNotifiedDate", "2026-03-02", "oqtfKind", "RETENTION", "oqtfNotifiedAt", "2026-03-02T08:30"));
    assertThat(pi).variables().containsEntry("contentiousAppealRule", "OQTF_RETENTION")
        .containsEntry("contentiousAppealFrom", "2026-03-02T08:30");
    Date due = paris(LocalDateTime.of(2026, 3, 4, 8, 30));

    offerAndAccept(pi, "lawyer-martin", due);
    // legal aid does not interrupt a 48-hour deadline: straight to the request
    chooseStrategy(pi, "lawyer-martin", due, true, "LIBERTE");
    assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(due);
    fileRequest(pi, "lawyer-martin", due, "2026-03-03");

    complete(task(pi, "fileLibertyRequest"), vars("urgentRequestFiledDate", "2026-03-03"));
    assertThat(openTask(pi, "recordUrgentOrder")).isNotNull();
    assertThat(openTask(pi, "recordHearingDate")).isNotNull();

    // the judgment comes before the order and the hearing are recorded: the proceedings close
    notifyJudgment("REJECTED", "2026-03-06");
    Task close = task(pi);
    assertThat(close).hasDefinitionKey("closeRejectedAppeal").hasCandidateGroup("coordinator");
    complete(close, vars("courtOfAppealConsidered", true));

    assertThat(pi).isEnded().hasPassed("judgmentNotifiedDuringProceedings", "appealRejected")
        .hasNotPassed("requestLegalAid", "hearingDay", "requestJudgmentExecution");
    assertThat(pi).variables().containsEntry("judgmentOutcome", "REJECTED");
  }

  @Test
  void legalAidRequestedTooLateRestartsNothingAndTheCoordinatorAbandonsTheAppeal() {
    // refused on 5 January: the deadline ends on 6 March
    ProcessInstance pi = start("appeal-contentious", vars("decisionOutcome", "IMPLICIT_REFUSAL",
        "decisionNotifiedDate", "2026-01-05"));
    offerAndAccept(pi, "lawyer-martin", endOf("2026-03-06"));
    chooseStrategy(pi, "lawyer-martin", endOf("2026-03-06"), true, "NONE");

    setClock(LocalDateTime.of(2026, 3, 10, 10, 0));
    complete(task(pi, "requestLegalAid"), vars("legalAidRequestedDate", "2026-03-10"));
    complete(task(pi, "recordLegalAidDecision"), vars("legalAidDecisionDate", "2026-04-01", "legalAidGranted", false));

    assertThat(pi).variables().containsEntry("contentiousAppealFrom", "2026-01-05");
    assertThat(task(pi, "fileRequest").getDueDate()).isEqualTo(endOf("2026-03-06"));
    fireTimer(pi, "filingDeadlineReached", startOf("2026-03-07"));

    // escalation: the coordinator decides, the lawyer's task stays open meanwhile
    Task alert = task(pi, "handleMissedFilingDeadline");
    assertThat(alert).hasCandidateGroup("coordinator");
    assertThat(openTask(pi, "fileRequest")).isNotNull();
    complete(alert, vars("abandonAppeal", true, "missedDeadlineNotes", "Aide demandée hors délai"));

    assertThat(pi).isEnded().hasPassed("legalAidInTimeGateway", "contentiousAppealAbandoned")
        .hasNotPassed("courtProceedings");
    assertThat(pi).variables().doesNotContainKey("judgmentOutcome");
  }

  @Test
  void aSevenDayOqtfEscalatesAtTheDeadlineThenTheRequestIsFiledAndTheCardOrdered() {
    ProcessInstance pi = start("appeal-contentious", vars("decisionOutcome", "REFUSED_WITH_OQTF",
        "decisionNotifiedDate", "2026-03-02", "oqtfKind", "HOUSE_ARREST", "oqtfNotifiedAt", "2026-03-02"));
    assertThat(pi).variables().containsEntry("contentiousAppealRule", "OQTF_HOUSE_ARREST");
    offerAndAccept(pi, "lawyer-martin", endOf("2026-03-09"));
    chooseStrategy(pi, "lawyer-martin", endOf("2026-03-09"), true, "NONE");
    assertThat(openTask(pi, "requestLegalAid")).isNull();

    fireTimer(pi, "filingDeadlineReached", startOf("2026-03-10"));
    // filed on the last day, recorded late: the alert is closed and the appeal goes on
    complete(task(pi, "handleMissedFilingDeadline"), vars("abandonAppeal", false,
        "missedDeadlineNotes", "Déposée le 9 mars, saisie oubliée"));
    fileRequest(pi, "lawyer-martin", endOf("2026-03-09"), "2026-03-09");

    assertThat(openTask(pi, "fileSuspensionRequest")).isNull();
    complete(task(pi, "recordHearingDate"), vars("hearingDate", "2026-03-20"));
    fireTimer(pi, "hearingDay", startOf("2026-03-20"));
    complete(task(pi, "reportHearing"), vars("hearingPostponed", false));
    notifyJudgment("ANNULMENT_ISSUE", "2026-03-27");
    complete(task(pi, "requestJudgmentExecution"), vars("executionRequestedDate", "2026-03-27"));

    assertThat(pi).isEnded().hasPassed("filingStillExpected", "noUrgentProcedure", "annulmentObtained");
    assertThat(pi).variables().containsEntry("judgmentOutcome", "ANNULMENT_ISSUE");
  }

  @Test
  void anOrdinaryOqtfCountsOneMonthFromItsNotificationAndLegalAidInterruptsIt() {
    ProcessInstance pi = start("appeal-contentious", vars("decisionOutcome", "REFUSED_WITH_OQTF",
        "decisionNotifiedDate", "2026-03-02", "oqtfKind", "ORDINARY", "oqtfNotifiedAt", "2026-03-02"));
    offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
    chooseStrategy(pi, "lawyer-martin", endOf("2026-04-03"), true, "NONE");
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("requestLegalAid");
  }

  @Test
  void anOqtfOfUnknownRegimeIsCountedAsTheShortest() {
    ProcessInstance pi = start("appeal-contentious", vars("decisionOutcome", "REFUSED_WITH_OQTF",
        "decisionNotifiedDate", "2026-03-02"));
    assertThat(pi).variables().containsEntry("contentiousAppealRule", "OQTF_RETENTION")
        .containsEntry("contentiousAppealFrom", "2026-03-02");
    assertThat(task(pi).getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 3, 4, 0, 0)));
  }

  @Test
  void theCallerMayGiveTheRuleAndTheDateAfterAnAdministrativeAppeal() {
    // refused on 20 February, gracious appeal rejected on 10 April: 2 months from the rejection
    ProcessInstance pi = start("appeal-contentious", vars("decisionOutcome", "REFUSED",
        "decisionNotifiedDate", "2026-02-20", "contentiousAppealRule", "CONTENTIOUS_APPEAL",
        "contentiousAppealFrom", "2026-04-10"));
    Task offer = task(pi);
    assertThat(offer.getDueDate()).isEqualTo(endOf("2026-06-11"));
    List<String> groups = candidateGroups(offer);
    assertThat(groups).containsExactly("coordinator");
  }
}
