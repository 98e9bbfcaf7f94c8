package fr.passerelle.processes.support;

import fr.passerelle.processes.Deadlines;
import fr.passerelle.processes.StepRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code stepRules} bean of the process tests: the real one, with the cases' age limits given by the
 * tests ({@link #ageLimit}) instead of the backend's case tables.
 */
public class TestStepRules extends StepRules {
    private static final Map<String, AgeLimit> AGE_LIMITS = new ConcurrentHashMap<>();

    public TestStepRules(Deadlines deadlines) {
        super(deadlines);
    }

    /** Case {@code caseId} is for an age-limited ground, the applicant born on {@code birthDate}. */
    public static void ageLimit(String caseId, String birthDate) {
        AGE_LIMITS.put(caseId, new AgeLimit("AGE_LIMITED_GROUND", birthDate));
    }

    /** Case {@code caseId} has no age limit (or no known birth date) any more. */
    public static void noAgeLimit(String caseId) {
        AGE_LIMITS.remove(caseId);
    }

    @Override
    protected AgeLimit ageLimitOf(String caseId, String tenantId) {
        return AGE_LIMITS.get(caseId);
    }
}
