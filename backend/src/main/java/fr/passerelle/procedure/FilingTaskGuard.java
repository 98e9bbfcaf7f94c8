package fr.passerelle.procedure;

import fr.passerelle.cases.FilingReadiness;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Recording the filing at the prefecture (filing.bpmn) needs the case's pieces, or a coordinator's override. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FilingTaskGuard implements TaskGuard {
    static final String FILING_TASK = "recordFiling";
    private final FilingReadiness filingReadiness;

    FilingTaskGuard(FilingReadiness filingReadiness) {
        this.filingReadiness = filingReadiness;
    }

    @Override
    public void beforeCompletion(String processKey, String taskKey, UUID caseId, Map<String, Object> variables) {
        if (FILING_TASK.equals(taskKey)) {
            filingReadiness.requireReady(caseId);
        }
    }
}
