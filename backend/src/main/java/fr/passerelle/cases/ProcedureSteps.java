package fr.passerelle.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The steps a case's procedure went through, for its timeline: provided by the module that runs the
 * procedures (procedure, over the engine's history), so that cases reads them without knowing the
 * engine. Read with the caller's engine authentication: another association's steps are never seen.
 */
public interface ProcedureSteps {

    /** The case's steps (every process whose business key is the case, with the processes they called). */
    List<Step> of(UUID caseId);

    /** One activity: its name (or id), BPMN type, start, end (null while it runs), whether it was cancelled, who did it. */
    record Step(String name, String activityType, Instant start, Instant end, boolean cancelled, String assignee) {}
}
