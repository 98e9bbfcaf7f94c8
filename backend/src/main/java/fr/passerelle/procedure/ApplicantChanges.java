package fr.passerelle.procedure;

import fr.passerelle.cases.ApplicantMoved;
import fr.passerelle.cases.BirthDateChanged;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a change on the applicant's record does to the case's running processes, in the transaction that
 * saves it (nothing half-saved):
 *
 * <ul>
 *   <li>a move ({@link ApplicantMoved}): every copy of {@code department} in the case's processes (the main
 *       one and those it called, which received their own) becomes the new department, so that what is
 *       counted from now on counts in its calendar and at its prefecture; {@code prefectureDepartment},
 *       the deciding prefecture's, stays with the decision (the competent court is its, R312-1 CJA). The
 *       main process asks for the new address to be declared within three months (message
 *       {@code ApplicantMoved}, R431-23 CESEDA). Due dates and timers already set keep their date.
 *   <li>a birth date entered or corrected ({@link BirthDateChanged}): message {@code BirthDateChanged} to the
 *       appointment waiting for it, which reads the ground's age limit again (L423-21, L423-22 CESEDA).
 * </ul>
 */
@Component
class ApplicantChanges {
    private final RuntimeService runtime;

    ApplicantChanges(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void moved(ApplicantMoved moved) {
        String caseId = moved.caseId().toString();
        String[] instances = instancesOf(caseId);
        if (instances.length == 0) {
            return;
        }
        if (moved.department() != null && !Objects.equals(moved.department(), moved.previousDepartment())) {
            for (VariableInstance copy : runtime.createVariableInstanceQuery()
                    .variableName("department")
                    .processInstanceIdIn(instances)
                    .list()) {
                runtime.setVariableLocal(copy.getExecutionId(), "department", moved.department());
            }
        }
        runtime.createMessageCorrelation("ApplicantMoved")
                .processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Map.of(
                        "movedOn", moved.movedOn().toString(),
                        "previousDepartment", String.valueOf(moved.previousDepartment()),
                        "newDepartment", String.valueOf(moved.department())))
                .correlateAll();
    }

    @EventListener
    void birthDateChanged(BirthDateChanged changed) {
        runtime.createMessageCorrelation("BirthDateChanged")
                .processInstanceBusinessKey(changed.caseId().toString())
                .correlateAll();
    }

    private String[] instancesOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(instance -> instance.getId())
                .toArray(String[]::new);
    }
}
