package fr.passerelle.reporting;

import java.util.Map;

/** The French words of the export for the API's codes (steps, outcomes, statuses). */
final class Labels {
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("preparation", "Préparation"),
            Map.entry("appointment", "Rendez-vous"),
            Map.entry("filing", "Dépôt"),
            Map.entry("decision", "Instruction, décision"),
            Map.entry("commission-hearing", "Commission du titre de séjour"),
            Map.entry("appeal-gracious", "Recours gracieux"),
            Map.entry("appeal-hierarchical", "Recours hiérarchique"),
            Map.entry("appeal-contentious", "Recours contentieux"));
    private static final Map<String, String> OUTCOMES = Map.of(
            "GRANTED",
            "Titre accordé",
            "REFUSED",
            "Refus explicite",
            "REFUSED_WITH_OQTF",
            "Refus avec OQTF",
            "IMPLICIT_REFUSAL",
            "Refus implicite",
            "APPEAL_WON",
            "Recours gagné",
            "APPEAL_LOST",
            "Recours perdu",
            "WITHDRAWN",
            "Demande abandonnée");
    private static final Map<String, String> STATUSES = Map.of(
            "PREPARATION",
            "Préparation",
            "APPOINTMENT",
            "Rendez-vous",
            "FILED",
            "Déposé",
            "UNDER_REVIEW",
            "En instruction",
            "COMMISSION",
            "Commission",
            "GRANTED",
            "Accordé",
            "REFUSED",
            "Refusé",
            "APPEAL",
            "Recours",
            "CLOSED",
            "Clos");
    static final String[] OUTCOME_ORDER = {
        "GRANTED", "REFUSED", "REFUSED_WITH_OQTF", "IMPLICIT_REFUSAL", "APPEAL_WON", "APPEAL_LOST", "WITHDRAWN"
    };

    private Labels() {}

    static String step(String code) {
        return code == null ? null : STEPS.getOrDefault(code, code);
    }

    static String outcome(String code) {
        return code == null ? null : OUTCOMES.getOrDefault(code, code);
    }

    static String status(String code) {
        return code == null ? null : STATUSES.getOrDefault(code, code);
    }

    static String prefecture(String name) {
        return name == null || name.isEmpty() ? "(non renseignée)" : name;
    }
}
