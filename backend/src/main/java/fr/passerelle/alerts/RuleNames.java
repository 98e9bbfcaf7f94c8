package fr.passerelle.alerts;

import fr.passerelle.deadlines.DeadlineRule;
import java.util.Locale;
import java.util.Map;

/**
 * What a deadline is, in words, and where its rule comes from: the rule's own source
 * ({@link DeadlineRule#source()}), or for a date the prefecture or the court set, that authority.
 */
final class RuleNames {
    private record Name(String fr, String en) {}

    private static final Map<String, Name> NAMES = Map.ofEntries(
            Map.entry(
                    "CONTENTIOUS_APPEAL",
                    new Name(
                            "Recours contentieux contre un refus (2 mois)",
                            "Court appeal against a refusal (2 months)")),
            Map.entry(
                    "ADMINISTRATIVE_APPEAL",
                    new Name(
                            "Recours gracieux ou hiérarchique (dans le délai contentieux)",
                            "Administrative appeal (within the court appeal period)")),
            Map.entry(
                    "ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION",
                    new Name(
                            "Rejet implicite du recours administratif",
                            "Implicit rejection of the administrative appeal")),
            Map.entry(
                    "OQTF_ORDINARY", new Name("Recours contre une OQTF (1 mois)", "Appeal against an OQTF (1 month)")),
            Map.entry(
                    "OQTF_HOUSE_ARREST",
                    new Name(
                            "Recours contre une OQTF, assignation à résidence (7 jours)",
                            "Appeal against an OQTF under house arrest (7 days)")),
            Map.entry(
                    "OQTF_RETENTION",
                    new Name(
                            "Recours contre une OQTF en rétention (48 heures)",
                            "Appeal against an OQTF in detention (48 hours)")),
            Map.entry(
                    "IMPLICIT_REFUSAL",
                    new Name("Refus implicite (4 mois de silence)", "Implicit refusal (4 months of silence)")),
            Map.entry(
                    "RECEIPT_RENEWAL",
                    new Name(
                            "Renouvellement du récépissé (15 jours avant la fin)",
                            "Receipt renewal (15 days before it ends)")),
            Map.entry("RECEIPT_EXPIRY", new Name("Fin de validité du récépissé", "Receipt expiry")),
            Map.entry(
                    "PREFECTURE_DEADLINE",
                    new Name("Pièces demandées par la préfecture", "Documents requested by the prefecture")),
            Map.entry(
                    "RENEWAL_WINDOW_OPENS",
                    new Name("Ouverture de la période de renouvellement", "Renewal window opens")),
            Map.entry(
                    "RENEWAL_WINDOW_CLOSES",
                    new Name("Dernier jour pour demander le renouvellement", "Last day to apply for renewal")),
            Map.entry(
                    "COMMISSION_CONVOCATION",
                    new Name(
                            "Convocation à la commission du titre de séjour",
                            "Convocation to the residence permit commission")),
            Map.entry("FOLLOW_UP_WEEKLY", new Name("Relance hebdomadaire", "Weekly follow-up")),
            Map.entry("at:appointmentDate", new Name("Rendez-vous en préfecture", "Prefecture appointment")),
            Map.entry(
                    "at:meetingDate",
                    new Name("Réunion de la commission du titre de séjour", "Residence permit commission meeting")),
            Map.entry("at:hearingDate", new Name("Audience au tribunal administratif", "Administrative court hearing")),
            Map.entry(
                    "at:missingPiecesDueDate",
                    new Name("Pièces demandées par la préfecture", "Documents requested by the prefecture")),
            Map.entry(
                    "at:documentsDueDate",
                    new Name("Pièces demandées par la préfecture", "Documents requested by the prefecture")),
            Map.entry("at:receiptValidUntil", new Name("Fin de validité du récépissé", "Receipt expiry")));

    private static final Map<String, String> SET_BY = Map.of(
            "at:appointmentDate", "Date fixée par la préfecture (convocation)",
            "at:meetingDate", "Date fixée par la commission du titre de séjour (L432-15 CESEDA)",
            "at:hearingDate", "Date fixée par le tribunal administratif (avis d'audience)",
            "at:missingPiecesDueDate",
                    "Délai fixé par la préfecture dans sa demande; pièce demandée après le dépôt: L114-5 CRPA",
            "at:documentsDueDate",
                    "Délai fixé par la préfecture dans sa demande; pièce demandée après le dépôt: L114-5 CRPA",
            "at:receiptValidUntil",
                    "R431-12 CESEDA (récépissé), R431-15-1 CESEDA (attestation de prolongation d'instruction)");

    private RuleNames() {}

    static String name(String rule, Locale locale) {
        Name name = rule == null ? null : NAMES.get(rule);
        if (name == null) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                    ? "Deadline of the task"
                    : "Échéance de la tâche";
        }
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? name.en() : name.fr();
    }

    /** The legal source, in French as the law is (the same in every language). */
    static String source(String rule) {
        if (rule == null) {
            return "";
        }
        if (rule.startsWith("at:")) {
            return SET_BY.getOrDefault(rule, "");
        }
        try {
            return DeadlineRule.valueOf(rule).source();
        } catch (IllegalArgumentException unknown) {
            return "";
        }
    }

    static boolean isAppointment(String rule) {
        return rule != null
                && (rule.equals("at:appointmentDate")
                        || rule.equals("at:meetingDate")
                        || rule.equals("at:hearingDate"));
    }
}
