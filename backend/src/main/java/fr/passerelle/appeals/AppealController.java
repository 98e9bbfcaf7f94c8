package fr.passerelle.appeals;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.platform.AssociationDirectory;
import fr.passerelle.security.Role;
import fr.passerelle.tenancy.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Appeals")
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

    @Operation(
            operationId = "appealStanding",
            summary = "Where the appeal hand-off stands",
            description = "For the association's staff: the consent in force, whether an offer is awaited, the offers.")
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

    @Operation(
            operationId = "recordConsent",
            summary = "Record the applicant's consent",
            description = "To share the case with a lawyer, given on a document (an uploaded one, or described).")
    @PostMapping("/api/cases/{caseId}/appeal/consent")
    ResponseEntity<Consents.ConsentView> consent(
            @PathVariable UUID caseId, @Valid @RequestBody ConsentRequest request) {
        return ResponseEntity.status(201).body(consents.record(caseId, request.documentNote(), request.documentId()));
    }

    @Operation(
            operationId = "overrideConsent",
            summary = "Go without the consent",
            description =
                    "Coordinators only, with a reason: the appeal goes to a lawyer without the applicant's consent.")
    @PostMapping("/api/cases/{caseId}/appeal/consent-override")
    ResponseEntity<Consents.ConsentView> override(@PathVariable UUID caseId, @Valid @RequestBody Reason request) {
        return ResponseEntity.status(201).body(consents.override(caseId, request.reason()));
    }

    @Operation(operationId = "withdrawConsent", summary = "Withdraw the consent", description = "With a reason.")
    @PostMapping("/api/cases/{caseId}/appeal/consent/withdraw")
    ResponseEntity<Void> withdrawConsent(@PathVariable UUID caseId, @Valid @RequestBody Reason request) {
        consents.withdraw(caseId, request.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "offerAppeal",
            summary = "Offer the appeal to lawyers",
            description =
                    "To named lawyers or to the association's pool; a consent (or an override) is required. The first acceptance wins.")
    @PostMapping("/api/cases/{caseId}/appeal/offers")
    ResponseEntity<Offers.OfferView> offer(@PathVariable UUID caseId, @Valid @RequestBody OfferRequest request) {
        Offers.OfferView made = offers.offer(
                caseId,
                new Offers.OfferRequest(
                        request.lawyerIds(), request.pool(), request.offerNotes(), request.offerAcceptanceTime()));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/appeal"))
                .body(made);
    }

    @Operation(
            operationId = "withdrawOffer",
            summary = "Withdraw an offer",
            description = "Coordinators only, with a reason: the offer goes back to the coordinator.")
    @PostMapping("/api/appeal-offers/{offerId}/withdraw")
    ResponseEntity<Void> withdrawOffer(@PathVariable UUID offerId, @Valid @RequestBody Reason request) {
        offers.withdraw(offerId, request.reason());
        return ResponseEntity.noContent().build();
    }

    /** The association's lawyers (its Keycloak group), for the coordinator's offer. */
    @Operation(
            operationId = "listAssociationLawyers",
            summary = "List the association's lawyers",
            description = "Its Keycloak group, for the coordinator's offer.")
    @GetMapping("/api/association/lawyers")
    List<AssociationDirectory.Person> lawyers() {
        return directory.withRole(Tenancy.current().requireAnyOf(COORDINATOR).slug(), Role.LAWYER);
    }

    /** A letter's .docx draft: {@code gracious}, {@code hierarchical} or {@code oqtf-request}. */
    @Operation(
            operationId = "appealLetter",
            summary = "Download an appeal letter",
            description = "A .docx draft: gracious, hierarchical or oqtf-request.")
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

    @Operation(
            operationId = "lawyerInbox",
            summary = "The lawyer's inbox",
            description =
                    "Offers and accepted appeals across all the lawyer's associations (an anonymous summary until accepted).")
    @GetMapping("/api/lawyer/inbox")
    LawyerInbox.Inbox inbox() {
        return inbox.of();
    }

    @Operation(
            operationId = "acceptOffer",
            summary = "Accept an offer",
            description = "The first acceptance wins: 409 when another lawyer took it.")
    @PostMapping("/api/lawyer/offers/{offerId}/accept")
    ResponseEntity<Void> accept(@PathVariable UUID offerId) {
        offers.accept(offerId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "declineOffer", summary = "Decline an offer", description = "With a reason.")
    @PostMapping("/api/lawyer/offers/{offerId}/decline")
    ResponseEntity<Void> decline(@PathVariable UUID offerId, @Valid @RequestBody Reason request) {
        offers.decline(offerId, request.reason());
        return ResponseEntity.noContent().build();
    }
}
