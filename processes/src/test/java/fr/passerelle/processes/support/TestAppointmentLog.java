package fr.passerelle.processes.support;

import fr.passerelle.processes.AppointmentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code appointmentLog} bean of the process tests: the real one, with the attempts kept in
 * memory by case instead of the backend's table.
 */
public class TestAppointmentLog extends AppointmentLog {
    private final Map<String, List<Attempt>> byCase = new ConcurrentHashMap<>();

    public TestAppointmentLog() {
        super(DEFAULT_THRESHOLD, DEFAULT_WINDOW);
    }

    @Override
    protected void store(String caseId, String tenantId, String processInstanceId, Attempt attempt) {
        byCase.computeIfAbsent(caseId, id -> new ArrayList<>()).add(attempt);
    }

    @Override
    protected List<Attempt> attempts(String caseId) {
        return List.copyOf(byCase.getOrDefault(caseId, List.of()));
    }

    /** What the log holds for a case (for assertions). */
    public List<Attempt> of(String caseId) {
        return attempts(caseId);
    }
}
