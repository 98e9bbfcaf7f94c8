package fr.passerelle.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Cases")
@RestController
@RequestMapping("/api/cases")
class CaseController {
    private final CaseFiles service;

    CaseController(CaseFiles service) {
        this.service = service;
    }

    record Assignment(
            @Size(min = 1, max = 100) String userId,
            @Size(max = 200) String name) {}

    @Operation(
            operationId = "openCase",
            summary = "Open a case",
            description =
                    "Opens a case for an existing applicant (applicantId), a new one (applicant) or a name (applicantName), and starts its procedure (regularisation.bpmn): 201 with the case.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            mediaType = "application/json",
                                            examples =
                                                    @io.swagger.v3.oas.annotations.media.ExampleObject(
                                                            name = "example",
                                                            summary =
                                                                    "A new applicant known by name, L435-1 in the Rhône",
                                                            value =
                                                                    "{\"applicantName\": \"Awa Traoré\", \"ground\": \"L435-1\", \"department\": \"69\"}"))))
    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody CaseRequest request) {
        CaseView opened = service.open(request);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened);
    }

    @Operation(
            operationId = "listCases",
            summary = "List cases",
            description =
                    "Searched by name or reference (q), filtered by ground, status, assignee or applicant; last changed first, a page at a time.")
    @GetMapping
    Page<CaseView> list(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) Ground ground,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) UUID applicantId,
            @PageableDefault(size = 50, sort = "updatedAt", direction = Sort.Direction.DESC) Pageable page) {
        return service.list(new CaseFiles.ListFilter(q, ground, status, assignee, applicantId), page);
    }

    @Operation(
            operationId = "getCase",
            summary = "Read a case",
            description = "The case with its status, step and outcome; 404 when absent or another association's.")
    @GetMapping("/{id}")
    CaseView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @Operation(
            operationId = "updateCase",
            summary = "Update a case",
            description = "Its details and dates; dates impossible together are a 422 naming the field.")
    @PutMapping("/{id}")
    CaseView update(@PathVariable UUID id, @Valid @RequestBody CaseRequest request) {
        return service.update(id, request);
    }

    /**
     * Coordinators only: {@code {"userId": "..."}} (a caseworker or coordinator of the association, as
     * Keycloak says), or {@code {"userId": null}} to unassign. A {@code name} sent is ignored: the
     * name kept is Keycloak's.
     */
    @Operation(
            operationId = "assignCase",
            summary = "Assign a case",
            description =
                    "Coordinators only: {\"userId\": \"...\"} (a caseworker or coordinator of the association), or {\"userId\": null} to unassign.")
    @PutMapping("/{id}/assignee")
    CaseView assign(@PathVariable UUID id, @Valid @RequestBody Assignment assignment) {
        return service.assign(id, assignment.userId());
    }

    @Operation(
            operationId = "deleteCase",
            summary = "Delete a case",
            description = "Coordinators only: the case, its documents and its procedure.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
