package fr.passerelle.procedure;

import fr.passerelle.deadlines.DeadlineRule;
import fr.passerelle.processes.StepRules;
import fr.passerelle.tenancy.AssociationScope;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bean {@code stepRules} of appointment, filing, receipt and commission-hearing ({@link StepRules}),
 * over the legal deadlines of {@link ProcessDeadlines}; a case's age limit is read from its ground and its
 * applicant's birth date, in the engine's transaction for the instance's association.
 */
@Component("stepRules")
class StepRulesBean extends StepRules {
    private final JdbcTemplate jdbc;
    private final AssociationScope scope;

    StepRulesBean(ProcessDeadlines deadlines, JdbcTemplate jdbc, AssociationScope scope) {
        super(deadlines);
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** L423-21, L423-22 ({@link DeadlineRule#forGround}) with a known birth date; else null. */
    @Override
    protected AgeLimit ageLimitOf(String caseId, String tenantId) {
        if (caseId == null || tenantId == null) {
            return null;
        }
        List<String[]> found = scope.call(
                tenantId,
                () -> jdbc.query(
                        "SELECT c.ground, a.birth_date::text FROM app.published_cases c"
                                + " JOIN app.published_applicants a ON a.tenant_id = c.tenant_id AND a.id = c.applicant_id"
                                + " WHERE c.id = ? AND a.birth_date IS NOT NULL",
                        (row, i) -> new String[] {row.getString(1), row.getString(2)},
                        UUID.fromString(caseId)));
        if (found.isEmpty()) {
            return null;
        }
        String ground = found.get(0)[0];
        String birthDate = found.get(0)[1];
        return DeadlineRule.forGround(ground)
                .map(rule -> new AgeLimit(rule.name(), birthDate))
                .orElse(null);
    }
}
