package fr.passerelle.appeals;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.platform.AssociationDirectory;
import fr.passerelle.security.Role;
import fr.passerelle.tenancy.Tenancy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The hand-off of appeals to lawyers: consent, offers, the lawyer's inbox and answers (docs/api-appeals.md). */
@RestController
class AppealController {
    private final Consents consents;
    private final Offers offers;
    private final LawyerInbox inbox;
    private final AssociationDirectory directory;
    private final AppealLetters letters;

    AppealController(
            Consents consents,
            Offers offers,
            LawyerInbox inbox,
            AssociationDirectory directory,
            AppealLetters letters) {
        this.letters = letters;
        this.consents = consents;
        this.offers = offers;
        this.inbox = inbox;
        this.directory = directory;
    }

    record ConsentRequest(@Size(max = 500) String documentNote, UUID documentId) {}

    record Reason(@Size(max = 4000) String reason) {}

    record OfferRequest(
            @Size(max = Offers.MAX_NAMED) List<@Size(max = 100) String> lawyerIds,
            Boolean pool,
            @Size(max = 4000) String offerNotes,
            @Size(max = 20) String offerAcceptanceTime) {}

    /** Where the hand-off of a case's appeal stands, for the association's staff. */
    record Standing(Consents.ConsentView consent, boolean waitingForOffer, List<Offers.OfferView> offers) {}

    @GetMapping("/api/cases/{caseId}/appeal")
    @Transactional(readOnly = true)
    Standing standing(@PathVariable UUID caseId) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        List<Offers.OfferView> all = offers.ofCase(caseId);
        return new Standing(
                consents.inForce(caseId).orElse(null),
                offers.waitingTask(caseId, Offers.OFFER_TASK).isPresent(),
                all);
    }

    @PostMapping("/api/cases/{caseId}/appeal/consent")
    ResponseEntity<Consents.ConsentView> consent(
            @PathVariable UUID caseId, @Valid @RequestBody ConsentRequest request) {
        return ResponseEntity.status(201).body(consents.record(caseId, request.documentNote(), request.documentId()));
    }

    @PostMapping("/api/cases/{caseId}/appeal/consent-override")
    ResponseEntity<Consents.ConsentView> override(@PathVariable UUID caseId, @Valid @RequestBody Reason request) {
        return ResponseEntity.status(201).body(consents.override(caseId, request.reason()));
    }

    @PostMapping("/api/cases/{caseId}/appeal/consent/withdraw")
    ResponseEntity<Void> withdrawConsent(@PathVariable UUID caseId, @Valid @RequestBody Reason request) {
        consents.withdraw(caseId, request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/appeal/offers")
    ResponseEntity<Offers.OfferView> offer(@PathVariable UUID caseId, @Valid @RequestBody OfferRequest request) {
        Offers.OfferView made = offers.offer(
                caseId,
                new Offers.OfferRequest(
                        request.lawyerIds(), request.pool(), request.offerNotes(), request.offerAcceptanceTime()));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/appeal"))
                .body(made);
    }

    @PostMapping("/api/appeal-offers/{offerId}/withdraw")
    ResponseEntity<Void> withdrawOffer(@PathVariable UUID offerId, @Valid @RequestBody Reason request) {
        offers.withdraw(offerId, request.reason());
        return ResponseEntity.noContent().build();
    }

    /** The association's lawyers (its Keycloak group), for the coordinator's offer. */
    @GetMapping("/api/association/lawyers")
    List<AssociationDirectory.Person> lawyers() {
        return directory.withRole(Tenancy.current().requireAnyOf(COORDINATOR).slug(), Role.LAWYER);
    }

    /** A letter's .docx draft: {@code gracious}, {@code hierarchical} or {@code oqtf-request}. */
    @GetMapping("/api/cases/{caseId}/appeal/letters/{kind}")
    ResponseEntity<byte[]> letter(@PathVariable UUID caseId, @PathVariable String kind) {
        AppealLetters.Letter letter = letters.draft(caseId, kind);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(AppealLetters.DOCX))
                .header(
                        "Content-Disposition",
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(letter.filename())
                                .build()
                                .toString())
                .body(letter.content());
    }

    @GetMapping("/api/lawyer/inbox")
    LawyerInbox.Inbox inbox() {
        return inbox.of();
    }

    @PostMapping("/api/lawyer/offers/{offerId}/accept")
    ResponseEntity<Void> accept(@PathVariable UUID offerId) {
        offers.accept(offerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/lawyer/offers/{offerId}/decline")
    ResponseEntity<Void> decline(@PathVariable UUID offerId, @Valid @RequestBody Reason request) {
        offers.decline(offerId, request.reason());
        return ResponseEntity.noContent().build();
    }
}
