package fr.passerelle.cases.web;

import fr.passerelle.cases.ApplicantCopy;
import fr.passerelle.cases.ApplicantErasure;
import fr.passerelle.cases.Retention;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One applicant's personal data: their copy (GDPR art. 15, 20) and erasure (art. 17). docs/personal-data.md. */
@Tag(name = "Personal data")
@RestController
@RequestMapping("/api/applicants/{id}")
class PersonalDataController {
    private final ApplicantErasure erasure;
    private final ApplicantCopy copy;
    private final Retention retention;

    PersonalDataController(ApplicantErasure erasure, ApplicantCopy copy, Retention retention) {
        this.erasure = erasure;
        this.copy = copy;
        this.retention = retention;
    }

    @Operation(
            operationId = "applicantRetention",
            summary = "When the applicant's data will be anonymised",
            description = "The association's period (months after the last contact), the open cases, the last"
                    + " contact, the day of anonymisation (null while a case is open), and when it was done.")
    @GetMapping("/retention")
    Retention.Plan plan(@PathVariable UUID id) {
        return retention.plan(id);
    }

    @Operation(
            operationId = "applicantPersonalData",
            summary = "One applicant's copy of their data (GDPR art. 15 and 20)",
            description = "Coordinators only. A zip: resume.html (readable, in French), donnees.json (the applicant,"
                    + " each case's facts, checklist, notes, documents, timeline, tasks and their form data, appeals,"
                    + " consents, offers), the documents and the letters' drafts. Every read is audited.")
    @GetMapping("/personal-data")
    void personalData(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        String name = copy.fileName(id);
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        copy.write(id, response.getOutputStream());
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
