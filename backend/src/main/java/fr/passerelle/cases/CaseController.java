package fr.passerelle.cases;

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

    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody CaseRequest request) {
        CaseView opened = service.open(request);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened);
    }

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

    @GetMapping("/{id}")
    CaseView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PutMapping("/{id}")
    CaseView update(@PathVariable UUID id, @Valid @RequestBody CaseRequest request) {
        return service.update(id, request);
    }

    /**
     * Coordinators only: {@code {"userId": "..."}} (a caseworker or coordinator of the association, as
     * Keycloak says), or {@code {"userId": null}} to unassign. A {@code name} sent is ignored: the
     * name kept is Keycloak's.
     */
    @PutMapping("/{id}/assignee")
    CaseView assign(@PathVariable UUID id, @Valid @RequestBody Assignment assignment) {
        return service.assign(id, assignment.userId());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
