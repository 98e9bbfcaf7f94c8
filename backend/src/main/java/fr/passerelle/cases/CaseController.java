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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {
    private final CaseFiles service;

    CaseController(CaseFiles service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody CaseRequest request) {
        CaseView opened = service.open(request);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened);
    }

    @GetMapping
    Page<CaseView> list(@PageableDefault(size = 50, sort = "updatedAt", direction = Sort.Direction.DESC)
                        Pageable page) {
        return service.list(page);
    }

    @GetMapping("/{id}")
    CaseView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PutMapping("/{id}")
    CaseView update(@PathVariable UUID id, @Valid @RequestBody CaseRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
