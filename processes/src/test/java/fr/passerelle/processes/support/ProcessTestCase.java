package fr.passerelle.processes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base class of the process tests: a real PostgreSQL engine (see {@code camunda.cfg.xml} and
 * {@link PostgresTestEngineConfiguration}), the {@code deadlines} stand-in ({@link TestDeadlines}),
 * coverage with a minimum of {@link #MIN_COVERAGE} per model ({@link ModelCoverageCheck}), a fixed
 * clock reset after each test, and helpers for timers, tasks and messages.
 *
 * <p>Each concrete class declares its own coverage extension (one per class: a shared one would
 * mix the classes' models) and deploys its model with {@code @Deployment}:
 *
 * <pre>{@code
 * @Deployment(resources = "bpmn/filing.bpmn")
 * class FilingProcessTest extends ProcessTestCase {
 *   @RegisterExtension
 *   static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();
 *   ...
 * }
 * }</pre>
 *
 * Import both {@code assertThat}s explicitly: {@code BpmnAwareTests.assertThat} (process
 * instances, tasks, jobs) and {@code org.assertj.core.api.Assertions.assertThat}.
 * To test a model that calls others, deploy the called models too, or exclude them from the
 * coverage with {@code ProcessTestCase.engine("appointment", "filing")}.
 *
 * <p>Builds may share the database (the dev database {@code passerelle_processes_dev}): start
 * instances with {@link #start(String, Map)} (this test's deployment, a random business key
 * {@link #caseId}) and query by process instance, never by key alone.
 */
@ExtendWith(ModelCoverageCheck.class)
public abstract class ProcessTestCase {

    /** The minimum coverage of every model, flow nodes and sequence flows. */
    public static final double MIN_COVERAGE = 0.9;

    /** The clock at the start of each test: Monday 2 March 2026, 09:00 Paris. */
    public static final LocalDateTime TEST_START = LocalDateTime.of(2026, 3, 2, 9, 0);

    protected ProcessEngine engine;

    /**
     * This test's case id, the business key messages are correlated by: random, so that two builds
     * sharing the database (two checkouts on the dev database) never correlate with each other's
     * instances.
     */
    protected final String caseId = UUID.randomUUID().toString();

    /**
     * The coverage extension for one test class: builds the engine from {@code camunda.cfg.xml},
     * writes the reports to {@code target/process-test-coverage/}, and fails the class below
     * {@link #MIN_COVERAGE} (with {@link ModelCoverageCheck}, model by model).
     *
     * @param excludedProcessDefinitionKeys models the class runs but does not test (called ones)
     */
    public static ProcessEngineCoverageExtension engine(String... excludedProcessDefinitionKeys) {
        var builder = ProcessEngineCoverageExtension.builder();
        builder.assertClassCoverageAtLeast(MIN_COVERAGE);
        if (excludedProcessDefinitionKeys.length > 0) {
            builder.excludeProcessDefinitionKeys(excludedProcessDefinitionKeys);
        }
        return builder.build();
    }

    @BeforeEach
    void attachEngine(ProcessEngine processEngine) {
        this.engine = processEngine;
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(paris(TEST_START));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- starting, messages

    /**
     * Starts {@code key}, as deployed by this test's {@code @Deployment}, with {@link #caseId} as
     * business key and variable: a build running at the same time on the same database deploys the
     * same keys, and may delete its deployment (and the instances on it) at any moment.
     */
    protected ProcessInstance start(String key, Map<String, Object> variables) {
        return start(key, caseId, variables);
    }

    /** Starts {@code key} (this test's deployment) with the given case id as business key. */
    protected ProcessInstance start(String key, String caseId, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.putIfAbsent("caseId", caseId);
        return engine.getRuntimeService()
                .createProcessInstanceById(definition(key).getId())
                .businessKey(caseId)
                .setVariables(all)
                .execute();
    }

    /** The definition of {@code key} in this test's deployment (else the latest one). */
    protected ProcessDefinition definition(String key) {
        String deploymentId = deploymentId();
        var query = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key);
        ProcessDefinition definition = deploymentId != null
                ? query.deploymentId(deploymentId).singleResult()
                : query.latestVersion().singleResult();
        assertThat(definition).as("process definition %s", key).isNotNull();
        return definition;
    }

    /** The id of the deployment the engine extension made for the running test, if any. */
    protected String deploymentId() {
        try {
            Field field = ProcessEngineExtension.class.getDeclaredField("deploymentId");
            field.setAccessible(true);
            return (String) field.get(ModelCoverageCheck.coverageExtension(getClass()));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Correlates a message to this test's case, as the backend does. */
    protected void correlate(String message, Map<String, Object> variables) {
        correlate(message, caseId, variables);
    }

    /** Correlates a message by business key, as the backend does. */
    protected void correlate(String message, String caseId, Map<String, Object> variables) {
        engine.getRuntimeService()
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(caseId)
                .setVariables(variables)
                .correlate();
    }

    // ---------------------------------------------------------------- tasks

    /** The one open task of the instance. */
    protected Task task(ProcessInstance pi) {
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .list();
        assertThat(tasks).as("open tasks of %s", pi.getProcessDefinitionId()).hasSize(1);
        return tasks.get(0);
    }

    /** The open task with this definition key (there may be others). */
    protected Task task(ProcessInstance pi, String taskDefinitionKey) {
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
        assertThat(task).as("open task %s", taskDefinitionKey).isNotNull();
        return task;
    }

    /** The candidate groups of a task. */
    protected List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null && "candidate".equals(l.getType()))
                .map(l -> l.getGroupId())
                .toList();
    }

    /** Completes the task with these variables. */
    protected void complete(Task task, Map<String, Object> variables) {
        engine.getTaskService().complete(task.getId(), variables);
    }

    protected void complete(Task task) {
        engine.getTaskService().complete(task.getId());
    }

    // ---------------------------------------------------------------- timers and the clock

    /** The timer job waiting in the instance at {@code activityId}. */
    protected Job timer(ProcessInstance pi, String activityId) {
        Job job = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .activityId(activityId)
                .singleResult();
        assertThat(job).as("timer %s", activityId).isNotNull();
        return job;
    }

    /** Whether a timer waits at {@code activityId}. */
    protected boolean hasTimer(ProcessInstance pi, String activityId) {
        return engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .timers()
                        .activityId(activityId)
                        .count()
                > 0;
    }

    /**
     * Fires the timer at {@code activityId}: moves the clock to its due date and executes it, as
     * the job executor would. Asserts the due date when {@code expectedDue} is given.
     */
    protected void fireTimer(ProcessInstance pi, String activityId, Date expectedDue) {
        Job job = timer(pi, activityId);
        if (expectedDue != null) {
            assertThat(job.getDuedate()).as("due date of timer %s", activityId).isEqualTo(expectedDue);
        }
        ClockUtil.setCurrentTime(job.getDuedate());
        engine.getManagementService().executeJob(job.getId());
    }

    protected void fireTimer(ProcessInstance pi, String activityId) {
        fireTimer(pi, activityId, null);
    }

    /** Moves the clock. */
    protected static void setClock(LocalDateTime parisTime) {
        ClockUtil.setCurrentTime(paris(parisTime));
    }

    // ---------------------------------------------------------------- dates

    /** A Paris local date-time as a Date. */
    public static Date paris(LocalDateTime t) {
        return Date.from(t.atZone(TestDeadlines.PARIS).toInstant());
    }

    /** The start of a day, Paris (what a timer from {@code deadlines.at} or an event rule gives). */
    public static Date startOf(String isoDate) {
        return TestDeadlines.startOfDay(LocalDate.parse(isoDate));
    }

    /** The end of a day, Paris (what {@code deadlines.due} gives for a day rule). */
    public static Date endOf(String isoDate) {
        return TestDeadlines.endOfDay(LocalDate.parse(isoDate));
    }

    /** Variables from alternating names and values (values may be null, unlike {@code Map.of}). */
    protected static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
