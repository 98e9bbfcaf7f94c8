package fr.passerelle.cases;

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

@RestController
@RequestMapping("/api/applicants")
class ApplicantController {
    private final Applicants service;

    ApplicantController(Applicants service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<ApplicantView> add(@Valid @RequestBody ApplicantRequest request) {
        ApplicantView added = service.add(request);
        return ResponseEntity.created(URI.create("/api/applicants/" + added.id()))
                .body(added);
    }

    @GetMapping
    Page<ApplicantView> list(
            @RequestParam(required = false) String name,
            @PageableDefault(size = 50, sort = "lastName", direction = Sort.Direction.ASC) Pageable page) {
        return service.list(name, page);
    }

    @GetMapping("/{id}")
    ApplicantView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PutMapping("/{id}")
    ApplicantView update(@PathVariable UUID id, @Valid @RequestBody ApplicantRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
