package fr.passerelle.procedure;

import fr.passerelle.cases.ApplicantAnonymised;
import fr.passerelle.cases.ApplicantErased;
import fr.passerelle.cases.CaseDeleted;
import fr.passerelle.cases.CaseOpened;
import fr.passerelle.cases.RenewalFiled;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case's procedure: the main process {@code regularisation}, started with the case (same
 * transaction: no case without its procedure) and removed with it. The case id is the
 * business key every outside event is correlated by.
 */
@Component
class CaseProcedure {
    static final String MAIN_PROCESS = "regularisation";
    private final RuntimeService runtime;
    private final HistoryService history;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    CaseProcedure(RuntimeService runtime, HistoryService history, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.history = history;
        this.jdbc = jdbc;
    }

    /**
     * A renewal case's process also gets the renewal's facts (processes/README.md): it starts at that filing,
     * the récépissé or attestation followed from its dates, the decision awaited (regularisation's
     * {@code renewalStartGateway}).
     */
    @EventListener
    void start(CaseOpened opened) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                "caseId", opened.caseId().toString(),
                "department", opened.department(),
                "onlineFiling", opened.onlineFiling()));
        RenewalFiled renewal = opened.renewal();
        if (renewal != null) {
            variables.put("renewalOf", renewal.caseId().toString());
            variables.put("renewalFiledDate", iso(renewal.filedOn()));
            variables.put("renewalChannel", renewal.channel());
            variables.put("renewalReceiptIssuedDate", iso(renewal.receiptIssuedOn()));
            variables.put("renewalReceiptValidUntil", iso(renewal.receiptValidUntil()));
            variables.put("renewedCardValidUntil", iso(renewal.cardValidUntil()));
        }
        runtime.createProcessInstanceByKey(MAIN_PROCESS)
                .businessKey(opened.caseId().toString())
                .setVariables(variables)
                .execute();
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /**
     * Ends every process instance of the case, in the case's transaction: the main one and the
     * ones it called (appointment, receipt, an appeal...), with their timers and tasks; the task
     * lists' rows go with their tasks (a built-in listener) and with the case row. Deleting the
     * roots deletes what they called; the case's own listeners and output mappings are skipped,
     * as they would act on a case that is gone.
     */
    @EventListener
    void remove(CaseDeleted deleted) {
        end(deleted.caseId().toString(), "case deleted");
    }

    /**
     * An applicant is erased (GDPR art. 17): their cases' processes end as on a deletion, then the engine's
     * history of them goes too (the instances, activities, tasks, variables and their byte arrays, details,
     * comments, the operation log and job log), in the erasure's transaction.
     */
    @EventListener
    void erase(ApplicantErased erased) {
        for (var caseId : erased.caseIds()) {
            end(caseId.toString(), "applicant erased");
            List<String> ended = CaseInstances.of(history, caseId.toString()).stream()
                    .map(HistoricProcessInstance::getId)
                    .toList();
            if (!ended.isEmpty()) {
                history.deleteHistoricProcessInstancesIfExists(ended);
            }
        }
    }

    /**
     * An applicant is anonymised at the end of their retention: the engine's history of their cases' ended
     * processes goes (the form values, names and free text in the variables); the cases' figures are the cases
     * module's and stay. The appointment attempts' evidence (free text) goes too.
     */
    @EventListener
    void anonymise(ApplicantAnonymised anonymised) {
        for (var caseId : anonymised.caseIds()) {
            List<String> ended = CaseInstances.of(history, caseId.toString()).stream()
                    .filter(instance -> instance.getEndTime() != null)
                    .map(HistoricProcessInstance::getId)
                    .toList();
            if (!ended.isEmpty()) {
                history.deleteHistoricProcessInstancesIfExists(ended);
            }
        }
        jdbc.update("UPDATE app.appointment_attempts SET evidence = NULL WHERE case_id = ANY (?::uuid[])", (Object)
                anonymised.caseIds().stream().map(Object::toString).toArray(String[]::new));
    }

    private void end(String caseId, String reason) {
        Set<String> roots = new LinkedHashSet<>();
        runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .list()
                .forEach(instance -> roots.add(
                        instance.getRootProcessInstanceId() != null
                                ? instance.getRootProcessInstanceId()
                                : instance.getId()));
        for (String root : roots) {
            runtime.deleteProcessInstanceIfExists(root, reason, true, true, true, false);
        }
        long left = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .count();
        if (left > 0) {
            throw new IllegalStateException(left + " process instances of case " + caseId + " outlived its deletion");
        }
    }
}
