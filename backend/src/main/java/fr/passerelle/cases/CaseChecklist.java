package fr.passerelle.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's document checklist for other modules (the applicant's own page): each piece as the prefecture
 * kit of the case's department makes it (pieces added or removed, the local note), with where it stands.
 * No role check: the caller decides who may see it; the rows are read under the case's association's
 * row-level security (in a request, or in {@code AssociationScope}), a case of another reads as 404.
 */
@Service
public class CaseChecklist {
    private final Checklists checklists;
    private final CaseRepository cases;

    CaseChecklist(Checklists checklists, CaseRepository cases) {
        this.checklists = checklists;
        this.cases = cases;
    }

    /**
     * {@code status}: MISSING, RECEIVED (to be checked) or VERIFIED; {@code atDelivery}: brought when the
     * card is collected, not at filing; {@code localNote}: the prefecture's own instruction (French; in
     * English when the kit gives it, else null).
     */
    public record Piece(
            String piece,
            String label,
            String labelFr,
            boolean required,
            String status,
            boolean atDelivery,
            String localNote,
            String localNoteEn) {}

    @Transactional(readOnly = true)
    public List<Piece> pieces(UUID caseId) {
        CaseFile file = cases.require(caseId);
        return checklists.lines(file, checklists.today()).stream()
                .map(line -> new Piece(
                        line.piece(),
                        line.label(),
                        line.labelFr(),
                        line.required(),
                        line.status().name(),
                        line.stage() == ChecklistCatalog.Stage.DELIVERY,
                        line.localNote(),
                        line.localNoteEn()))
                .toList();
    }

    /** The pieces still to bring: missing, the ones the prefecture no longer asks for left out. */
    @Transactional(readOnly = true)
    public List<Piece> missing(UUID caseId) {
        return pieces(caseId).stream()
                .filter(piece -> piece.status().equals(PieceStatus.MISSING.name()))
                .toList();
    }
}
