package fr.passerelle.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

@Tag(name = "Applicants")
@RestController
@RequestMapping("/api/applicants")
class ApplicantController {
    private final Applicants service;

    ApplicantController(Applicants service) {
        this.service = service;
    }

    @Operation(
            operationId = "addApplicant",
            summary = "Add an applicant",
            description =
                    "Creates the applicant: 201 with its address. Bad input is a 400 naming each field, and nothing is saved.")
    @PostMapping
    ResponseEntity<ApplicantView> add(@Valid @RequestBody ApplicantRequest request) {
        ApplicantView added = service.add(request);
        return ResponseEntity.created(URI.create("/api/applicants/" + added.id()))
                .body(added);
    }

    @Operation(
            operationId = "listApplicants",
            summary = "List applicants",
            description = "The association's applicants whose name contains name, a page at a time.")
    @GetMapping
    Page<ApplicantView> list(
            @RequestParam(required = false) String name,
            @PageableDefault(size = 50, sort = "lastName", direction = Sort.Direction.ASC) Pageable page) {
        return service.list(name, page);
    }

    @Operation(
            operationId = "getApplicant",
            summary = "Read an applicant",
            description = "404 when absent or another association's.")
    @GetMapping("/{id}")
    ApplicantView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @Operation(
            operationId = "updateApplicant",
            summary = "Update an applicant",
            description = "Replaces the applicant's details with those sent.")
    @PutMapping("/{id}")
    ApplicantView update(@PathVariable UUID id, @Valid @RequestBody ApplicantRequest request) {
        return service.update(id, request);
    }

    @Operation(
            operationId = "deleteApplicant",
            summary = "Delete an applicant",
            description = "Coordinators only; 409 while the applicant still has cases.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
