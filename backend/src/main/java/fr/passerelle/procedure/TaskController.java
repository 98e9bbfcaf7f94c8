package fr.passerelle.procedure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tasks")
@RestController
class TaskController {
    private final ProcessTasks tasks;
    private final TaskList lists;

    TaskController(ProcessTasks tasks, TaskList lists) {
        this.tasks = tasks;
        this.lists = lists;
    }

    /** A user id: the engine keeps at most 255 characters. */
    record Assignment(
            @jakarta.validation.constraints.Size(min = 1, max = 255)
            String assignee) {}

    /**
     * A page of a task list, soonest deadline first: {@code scope} (mine, groups, mine-and-groups,
     * association), {@code step}, {@code ground}, {@code prefecture}, {@code dueWithinDays},
     * {@code overdue}, {@code assignee} (with scope=association), {@code page}, {@code size}.
     */
    @Operation(
            operationId = "listTasks",
            summary = "List tasks",
            description =
                    "Soonest deadline first, from a read model kept in the engine's transaction: mine, my groups', both, or the association's (coordinators): docs/api-tasks.md.")
    @GetMapping("/api/tasks")
    @Parameters({
        @Parameter(
                in = ParameterIn.QUERY,
                name = "scope",
                description = "whose tasks (default mine-and-groups)",
                schema = @Schema(allowableValues = {"mine", "groups", "mine-and-groups", "association"})),
        @Parameter(
                in = ParameterIn.QUERY,
                name = "step",
                description = "the procedure (process key), e.g. receipt",
                schema = @Schema(type = "string", maxLength = 100)),
        @Parameter(
                in = ParameterIn.QUERY,
                name = "ground",
                description = "the case's ground, e.g. L435-1",
                schema = @Schema(type = "string")),
        @Parameter(
                in = ParameterIn.QUERY,
                name = "prefecture",
                description = "the case's prefecture, exactly",
                schema = @Schema(type = "string", maxLength = 200)),
        @Parameter(in = ParameterIn.QUERY, name = "dueWithinDays", schema = @Schema(type = "integer", minimum = "0")),
        @Parameter(in = ParameterIn.QUERY, name = "overdue", schema = @Schema(type = "boolean")),
        @Parameter(
                in = ParameterIn.QUERY,
                name = "assignee",
                description = "a user id; with scope=association",
                schema = @Schema(type = "string", maxLength = 100)),
        @Parameter(in = ParameterIn.QUERY, name = "page", schema = @Schema(type = "integer", minimum = "0")),
        @Parameter(
                in = ParameterIn.QUERY,
                name = "size",
                schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    })
    TaskList.Page list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return lists.list(TaskListQuery.parse(parameters));
    }

    @Operation(
            operationId = "getTask",
            summary = "Read a task with its form",
            description = "The task, its case, its deadline and its form (form-js JSON).")
    @GetMapping("/api/tasks/{id}")
    TaskView get(@PathVariable String id) {
        return tasks.get(id);
    }

    @Operation(
            operationId = "listCaseTasks",
            summary = "List a case's open tasks",
            description = "The tasks open on the case, soonest deadline first.")
    @GetMapping("/api/cases/{caseId}/tasks")
    List<TaskView> ofCase(@PathVariable java.util.UUID caseId) {
        return tasks.ofCase(caseId);
    }

    /** The body is the task form's data: field key to value. */
    @Operation(
            operationId = "completeTask",
            summary = "Complete a task",
            description =
                    "The body is the task form's data, checked against the form: unknown fields, types, choices, required fields (conditional ones too), impossible dates. 409 if someone else completed it a moment ago.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            mediaType = "application/json",
                                            examples =
                                                    @io.swagger.v3.oas.annotations.media.ExampleObject(
                                                            name = "example",
                                                            summary =
                                                                    "prepareCase: the ground chosen, the application to be made",
                                                            value =
                                                                    "{\"ground\": \"L435-1\", \"proceedWithApplication\": true}"))))
    @PostMapping("/api/tasks/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Map<String, Object> data) {
        tasks.complete(id, data);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "claimTask",
            summary = "Claim a task",
            description = "The task becomes the caller's; 409 if someone else claimed it.")
    @PostMapping("/api/tasks/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id) {
        tasks.claim(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "unclaimTask", summary = "Give a task back", description = "Back to the groups it is for.")
    @PostMapping("/api/tasks/{id}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id) {
        tasks.unclaim(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "assignTask",
            summary = "Assign a task",
            description = "Coordinators only: to a member of the association whose role may do it.")
    @PutMapping("/api/tasks/{id}/assignee")
    ResponseEntity<Void> assign(@PathVariable String id, @jakarta.validation.Valid @RequestBody Assignment assignment) {
        tasks.assign(id, assignment.assignee());
        return ResponseEntity.noContent().build();
    }
}
