package fr.passerelle.cases;

import fr.passerelle.cases.ChecklistCatalog.Entry;
import fr.passerelle.cases.ChecklistCatalog.Stage;
import fr.passerelle.cases.ChecklistCatalog.Variant;
import fr.passerelle.cases.internal.KitPiece;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One piece of a case's checklist as it stands on a given day, with what is wrong with it for
 * filing, as the prefecture's kit adjusts it ({@code addedByKit}, {@code removedByKit}, the kit's
 * {@code localNote} in French and {@code localNoteEn} in English when given). Plain computation on fixed inputs: the expiry rules are tested on fixed dates.
 */
record ChecklistLine(
        String piece,
        String label,
        String labelFr,
        boolean required,
        String when,
        String whenFr,
        Stage stage,
        PieceStatus status,
        List<Variant> variants,
        String variant,
        LocalDate issuedOn,
        Integer validMonths,
        LocalDate validUntil,
        boolean expired,
        boolean translationNeeded,
        boolean translated,
        String note,
        int documents,
        List<String> problems,
        List<String> problemsFr,
        Instant updatedAt,
        String updatedBy,
        boolean sealedForOfii,
        boolean legalisationToCheck,
        boolean addedByKit,
        boolean removedByKit,
        String localNote,
        String localNoteEn) {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What has been recorded about a piece; absent means nothing yet (MISSING). */
    record Recorded(
            PieceStatus status,
            String variant,
            LocalDate issuedOn,
            Boolean foreignLanguage,
            boolean translated,
            String note,
            Instant updatedAt,
            String updatedBy) {
        static final Recorded NOTHING = new Recorded(PieceStatus.MISSING, null, null, null, false, null, null, null);
    }

    /**
     * A piece "less than N months old" (proof of address, certificate of nationality: Service-Public.fr F2209)
     * is valid through the day before its date of issue plus N months, and expired after. A
     * civil-status document needs a certified translation unless it is recorded as written in
     * French (Service-Public.fr F2209: civil-status documents in a foreign language).
     */
    static ChecklistLine of(Entry entry, Recorded recorded, int documents, LocalDate asOf) {
        return of(entry, recorded, documents, asOf, null);
    }

    /**
     * As adjusted by the case's prefecture kit ({@code kit}, null when it leaves the piece as the
     * catalogue has it): a piece the kit removed is no longer required and never stops the filing, but
     * what was recorded about it stays shown.
     */
    static ChecklistLine of(Entry entry, Recorded recorded, int documents, LocalDate asOf, KitPiece kit) {
        var piece = entry.piece();
        boolean removedByKit = kit != null && kit.removed();
        boolean required = entry.required() && !removedByKit;
        Variant variant = recorded.variant() == null
                ? null
                : piece.variant(recorded.variant()).orElse(null);
        Integer validMonths =
                variant != null && variant.validMonths() != null ? variant.validMonths() : piece.validMonths();
        LocalDate validUntil = validMonths == null || recorded.issuedOn() == null
                ? null
                : recorded.issuedOn().plusMonths(validMonths).minusDays(1);
        boolean expired = validUntil != null && asOf.isAfter(validUntil);
        boolean translationNeeded = piece.civilStatus() && !Boolean.FALSE.equals(recorded.foreignLanguage());
        List<String> problems = new ArrayList<>();
        List<String> problemsFr = new ArrayList<>();
        if (recorded.status() == PieceStatus.MISSING) {
            if (required) {
                problems.add("missing");
                problemsFr.add("manquante");
            }
        } else {
            if (!piece.variants().isEmpty() && variant == null) {
                problems.add("which kind of document it is is not recorded");
                problemsFr.add("le type de pièce n'est pas indiqué");
            } else if (validMonths != null && recorded.issuedOn() == null) {
                problems.add("date of issue not recorded (it must be less than " + validMonths + " months old)");
                problemsFr.add(
                        "date de délivrance non indiquée (la pièce doit avoir moins de " + validMonths + " mois)");
            }
            if (expired) {
                problems.add("expired: more than " + validMonths + " months old since " + validUntil.plusDays(1));
                problemsFr.add("périmée : plus de " + validMonths + " mois depuis le "
                        + FRENCH_DATE.format(validUntil.plusDays(1)));
            }
            if (translationNeeded && !recorded.translated()) {
                problems.add("certified translation into French missing");
                problemsFr.add("traduction certifiée en français manquante");
            }
        }
        return new ChecklistLine(
                entry.code(),
                piece.label(),
                piece.labelFr(),
                required,
                entry.when(),
                entry.whenFr(),
                piece.stage(),
                recorded.status(),
                piece.variants(),
                recorded.variant(),
                recorded.issuedOn(),
                validMonths,
                validUntil,
                expired,
                translationNeeded,
                recorded.translated(),
                recorded.note(),
                documents,
                List.copyOf(problems),
                List.copyOf(problemsFr),
                recorded.updatedAt(),
                recorded.updatedBy(),
                piece.sealedForOfii(),
                piece.legalisation() && piece.civilStatus(),
                kit != null && kit.added(),
                removedByKit,
                kit == null ? null : kit.noteFr(),
                kit == null ? null : kit.noteEn());
    }

    /**
     * Whether this line stops the filing: a piece due at filing that is missing or not usable. A piece
     * sealed for the OFII medical board is not part of the prefecture's file and never stops it, nor
     * does one the prefecture's kit removed.
     */
    boolean blocksFiling() {
        return stage == Stage.FILING && !sealedForOfii && !removedByKit && !problems.isEmpty();
    }
}
