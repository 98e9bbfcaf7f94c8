package fr.passerelle.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A gracious (to the prefect) or hierarchical (to the minister) appeal against a decision.
 *
 * @param kind       gracious or hierarchical
 * @param sentOn     the day it was sent (postmark: L112-1 CRPA) or handed in
 * @param rejectedOn the day its rejection was notified or, when the administration kept silent,
 *                   the day the implicit rejection was born (see
 *                   {@link DeadlineRule#ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION}); null while it is
 *                   pending
 */
public record AdministrativeAppeal(Kind kind, LocalDate sentOn, LocalDate rejectedOn) {

    public enum Kind {
        GRACIOUS,
        HIERARCHICAL
    }

    public AdministrativeAppeal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentOn, "sentOn");
        if (rejectedOn != null && rejectedOn.isBefore(sentOn)) {
            throw new IllegalArgumentException(
                    "A " + kind + " appeal sent on " + sentOn + " cannot have been rejected before, on " + rejectedOn);
        }
    }

    public static AdministrativeAppeal gracious(LocalDate sentOn, LocalDate rejectedOn) {
        return new AdministrativeAppeal(Kind.GRACIOUS, sentOn, rejectedOn);
    }

    public static AdministrativeAppeal hierarchical(LocalDate sentOn, LocalDate rejectedOn) {
        return new AdministrativeAppeal(Kind.HIERARCHICAL, sentOn, rejectedOn);
    }

    String frenchName() {
        return kind == Kind.GRACIOUS ? "recours gracieux" : "recours hiérarchique";
    }
}
