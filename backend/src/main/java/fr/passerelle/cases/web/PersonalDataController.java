package fr.passerelle.cases.web;

import fr.passerelle.cases.ApplicantErasure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One applicant's personal data: erasure (GDPR art. 17). docs/personal-data.md. */
@Tag(name = "Personal data")
@RestController
@RequestMapping("/api/applicants/{id}")
class PersonalDataController {
    private final ApplicantErasure erasure;

    PersonalDataController(ApplicantErasure erasure) {
        this.erasure = erasure;
    }

    @Operation(
            operationId = "eraseApplicant",
            summary = "Erase an applicant and all their cases (GDPR art. 17)",
            description = "Coordinators only. Everything held about the applicant goes, in one transaction: their"
                    + " cases with notes, checklists, documents, tasks and the engine's history, consents, offers,"
                    + " reminders, stored exports naming people; the audit keeps that an erasure happened, by whom"
                    + " and when. 404 when absent or another association's.")
    @PostMapping("/erasure")
    ApplicantErasure.Erased erase(@PathVariable UUID id) {
        return erasure.erase(id);
    }
}
