package fr.passerelle.cases;

import fr.passerelle.tenancy.Tenancy;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant may know of their own case, for their status page (issue 23): where it stands, its
 * dates, the pieces still to bring. Never the notes, the staff's names, the lawyer's work, the checklist's
 * notes or who recorded what. The caller (the status page's module) has checked the applicant's link and
 * code and acts for the case's association with no role ({@code AssociationScope}): no role is checked
 * here, row-level security still keeps every other association's rows out.
 */
@Service
public class CaseForApplicant {
    private final CaseRepository cases;
    private final Checklists checklists;
    private final CaseDocuments documents;

    CaseForApplicant(CaseRepository cases, Checklists checklists, CaseDocuments documents) {
        this.cases = cases;
        this.checklists = checklists;
        this.documents = documents;
    }

    /** A piece of the checklist the applicant still has to bring (MISSING), or sent and not checked yet. */
    public enum PieceState {
        MISSING,
        RECEIVED,
        EXPIRED
    }

    /**
     * A piece as the applicant sees it: its name (English and French: the French one is what the prefecture
     * calls it), when it is needed, the prefecture's own note on it (its kit's local note, French and
     * English), and whether it is needed now (FILING) or when the card is handed over (DELIVERY).
     */
    public record Piece(
            String code,
            String label,
            String labelFr,
            String when,
            String whenFr,
            String localNote,
            String localNoteEn,
            boolean required,
            boolean atDelivery,
            PieceState state) {}

    /** The case as its applicant sees it. {@code closed}: closed or ended; their link no longer opens. */
    public record Status(
            UUID caseId,
            CaseStatus status,
            String step,
            Instant stepSince,
            String department,
            String prefecture,
            boolean renewal,
            LocalDate appointmentOn,
            LocalDate filedOn,
            LocalDate receiptExpiresOn,
            LocalDate commissionOn,
            LocalDate decidedOn,
            LocalDate notifiedOn,
            CaseOutcome outcome,
            boolean closed,
            List<Piece> pieces) {}

    @Transactional(readOnly = true)
    public Status status(UUID caseId) {
        CaseFile file = cases.require(caseId);
        List<Piece> pieces = checklists.lines(file, checklists.today()).stream()
                .filter(line -> !line.sealedForOfii()) // the doctor sends it to the OFII, not the applicant
                .map(CaseForApplicant::piece)
                .filter(piece -> piece.state() != null)
                .toList();
        return new Status(
                file.id(),
                file.status(),
                file.step(),
                file.stepSince(),
                file.department(),
                file.prefecture(),
                file.renewalOf() != null,
                file.appointmentOn(),
                file.filedOn(),
                file.receiptExpiresOn(),
                file.commissionOn(),
                file.decidedOn(),
                file.notifiedOn(),
                file.outcome(),
                file.status() == CaseStatus.CLOSED || file.closedOn() != null,
                pieces);
    }

    /**
     * The e-mail address of the case's applicant record, or empty: where their reminders go, with their
     * consent (the status module keeps it). Staff see it on the status link's section.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> email(UUID caseId) {
        return java.util.Optional.ofNullable(cases.require(caseId).applicant().email());
    }

    private static Piece piece(ChecklistLine line) {
        PieceState state = switch (line.status()) {
            case MISSING -> PieceState.MISSING;
            case RECEIVED -> line.expired() ? PieceState.EXPIRED : PieceState.RECEIVED;
            case VERIFIED -> line.expired() ? PieceState.EXPIRED : null;
        };
        return new Piece(
                line.piece(),
                line.label(),
                line.labelFr(),
                line.when(),
                line.whenFr(),
                line.localNote(),
                line.localNoteEn(),
                line.required(),
                line.stage() == ChecklistCatalog.Stage.DELIVERY,
                state);
    }

    /**
     * A photo or PDF the applicant sent for a piece of their checklist (404 for a piece not on it or sealed
     * for the OFII): kept as "received from the applicant, to check", with the same type and size checks as
     * any upload; returns the document's id.
     */
    @Transactional
    public UUID upload(UUID caseId, String piece, String filename, String declaredType, InputStream content) {
        CaseFile file = cases.require(caseId);
        if (checklists.entry(file, piece).piece().sealedForOfii()) {
            throw fr.passerelle.web.Problem.notFound(
                    "piece_not_on_checklist", piece, file.ground().article());
        }
        return documents
                .uploadFromApplicant(Tenancy.current().slug(), caseId, piece, filename, declaredType, content)
                .id();
    }
}
