package fr.passerelle.cases;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * When the commission du titre de séjour must be consulted before a refusal, and the years of
 * presence in France it turns on. Computed from the case's dates, never stored.
 *
 * <p>CESEDA L432-13: the prefect must refer to the commission before
 * refusing (1°) a temporary card on the "vie privée et familiale" grounds it lists to someone
 * who meets their conditions — of the grounds handled here L423-1, L423-7, L423-21, L423-22,
 * L423-23 and L425-9 — and (3°) an admission exceptionnelle (L435-1) to someone who has
 * resided habitually in France for more than ten years. Seed 004 (Service-Public, 2026) says
 * the same for each of those situations ("If you meet the conditions for issuing the residence
 * card, the prefect must enter the residence permit committee").
 */
final class CommissionRule {
    /** Grounds of L432-13 1°: the commission is mandatory when their conditions are met. */
    static final Set<Ground> WHEN_CONDITIONS_MET =
            Set.of(Ground.L423_1, Ground.L423_7, Ground.L423_21, Ground.L423_22, Ground.L423_23, Ground.L425_9);
    /** L432-13 3°: more than ten years of habitual residence, for L435-1. */
    static final int L435_1_YEARS = 10;

    private CommissionRule() {}

    /** {@code reason} in English, {@code reasonFr} in French (shown to the association's staff). */
    record Commission(boolean mandatory, String reason, String reasonFr) {}

    /** Full years from the entry in France to {@code asOf}; null when the entry date is unknown. */
    static Integer yearsInFrance(LocalDate entry, LocalDate asOf) {
        if (entry == null || asOf.isBefore(entry)) {
            return null;
        }
        return Period.between(entry, asOf).getYears();
    }

    static Commission assess(Ground ground, LocalDate entry, Boolean conditionsMet, LocalDate asOf) {
        if (ground == Ground.L435_1) {
            if (entry == null) {
                return new Commission(
                        false,
                        "L432-13: unknown until the date of entry in France is recorded",
                        "L432-13 : inconnu tant que la date d'entrée en France n'est pas indiquée");
            }
            boolean moreThanTen = entry.plusYears(L435_1_YEARS).isBefore(asOf);
            return moreThanTen
                    ? new Commission(
                            true,
                            "L432-13: more than 10 years of habitual residence in France (L435-1)",
                            "L432-13 : plus de 10 ans de résidence habituelle en France (L435-1)")
                    : new Commission(
                            false,
                            "L432-13: 10 years of residence or less, not mandatory for L435-1",
                            "L432-13 : 10 ans de résidence ou moins, non obligatoire pour L435-1");
        }
        if (WHEN_CONDITIONS_MET.contains(ground)) {
            if (conditionsMet == null) {
                return new Commission(
                        false,
                        "L432-13: mandatory if the conditions of " + ground.article() + " are met; not assessed yet",
                        "L432-13 : obligatoire si les conditions de " + ground.article()
                                + " sont remplies ; pas encore évalué");
            }
            return conditionsMet
                    ? new Commission(
                            true,
                            "L432-13: the conditions of " + ground.article() + " are met",
                            "L432-13 : les conditions de " + ground.article() + " sont remplies")
                    : new Commission(
                            false,
                            "L432-13: the conditions of " + ground.article() + " are not met",
                            "L432-13 : les conditions de " + ground.article() + " ne sont pas remplies");
        }
        return new Commission(
                false, "L432-13 does not list " + ground.article(), "L432-13 ne vise pas " + ground.article());
    }
}
