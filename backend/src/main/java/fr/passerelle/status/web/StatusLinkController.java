package fr.passerelle.status.web;

import fr.passerelle.status.internal.ApplicantReminders;
import fr.passerelle.status.internal.StatusLinks;
import fr.passerelle.status.internal.StatusPages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff's side of the applicant's status link: give it, show it again, revoke it; the contact it shows. */
@Tag(name = "Applicant's status page")
@RestController
class StatusLinkController {
    private final StatusLinks links;
    private final StatusPages pages;
    private final ApplicantReminders reminders;

    StatusLinkController(StatusLinks links, StatusPages pages, ApplicantReminders reminders) {
        this.links = links;
        this.pages = pages;
        this.reminders = reminders;
    }

    /**
     * The case's active link ({@code link} null when none), the association's contact, and the applicant's
     * consent to e-mail reminders with the address they go to.
     */
    record LinkState(StatusLinks.Link link, String contact, ApplicantReminders.Consent reminders) {}

    record GiveRequest(String language) {}

    record ContactRequest(String contact) {}

    record Contact(String contact) {}

    @Operation(
            operationId = "getStatusLink",
            summary = "The case's status link for its applicant",
            description = "Caseworkers and coordinators: the active link (address and code, null when it can no "
                    + "longer be shown) or null, and the contact the page shows.")
    @GetMapping("/api/cases/{caseId}/status-link")
    LinkState current(@PathVariable UUID caseId) {
        return new LinkState(links.current(caseId).orElse(null), pages.contact().orElse(null), reminders.of(caseId));
    }

    @Operation(
            operationId = "giveStatusLink",
            summary = "Give the applicant a link to their status page",
            description = "A new link (random token, 6-digit code to tell in person) in the given language "
                    + "(fr, en, ar, es, pt, ru); it revokes the case's previous one. 409 for a closed case.")
    @PostMapping("/api/cases/{caseId}/status-link")
    @ResponseStatus(HttpStatus.CREATED)
    StatusLinks.Link give(@PathVariable UUID caseId, @RequestBody GiveRequest request) {
        return links.give(caseId, request.language());
    }

    @Operation(
            operationId = "revokeStatusLink",
            summary = "Revoke the case's status link",
            description = "The link answers 404 from now on. 404 when the case has no active link.")
    @DeleteMapping("/api/cases/{caseId}/status-link")
    ResponseEntity<Void> revoke(@PathVariable UUID caseId) {
        links.revoke(caseId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "consentToStatusReminders",
            summary = "Record the applicant's consent to e-mail reminders",
            description = "Caseworkers and coordinators: the applicant agreed to receive, at the address of their "
                    + "record, reminders of their appointments and of the documents to bring, in their status "
                    + "page's language. Who and when are kept. 409 when the record has no e-mail address or the "
                    + "case is closed.")
    @PutMapping("/api/cases/{caseId}/status-reminders")
    ApplicantReminders.Consent consent(@PathVariable UUID caseId) {
        return reminders.consent(caseId);
    }

    @Operation(
            operationId = "withdrawStatusReminders",
            summary = "Withdraw the applicant's consent to reminders",
            description = "Nothing more is sent; the reminders waiting are cancelled. 404 when no consent is active.")
    @DeleteMapping("/api/cases/{caseId}/status-reminders")
    ApplicantReminders.Consent withdraw(@PathVariable UUID caseId) {
        return reminders.withdraw(caseId);
    }

    @Operation(
            operationId = "setStatusContact",
            summary = "Set how applicants reach the association",
            description = "Phone, address, opening hours: the text every status page of the association shows.")
    @PutMapping("/api/status-contact")
    Contact setContact(@RequestBody ContactRequest request) {
        return new Contact(pages.setContact(request.contact()));
    }
}
