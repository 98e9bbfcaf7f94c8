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
                            "Recours contre une OQTF, assignation à résidence ou détention (7 jours)",
                            "Appeal against an OQTF under house arrest or in detention (7 days)")),
            Map.entry(
                    "OQTF_RETENTION",
                    new Name(
                            "Recours contre une OQTF en rétention (48 heures)",
                            "Appeal against an OQTF in administrative retention (48 hours)")),
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
            Map.entry(
                    "PRINTED_DEADLINE",
                    new Name("Délai de recours mentionné sur la décision", "Appeal deadline printed on the decision")),
            Map.entry(
                    "LEGAL_AID_FOLLOW_UP",
                    new Name("Relance du bureau d'aide juridictionnelle", "Follow-up of the legal aid office")),
            Map.entry(
                    "CAA_APPEAL",
                    new Name(
                            "Appel devant la cour administrative d'appel (2 mois)",
                            "Appeal to the administrative court of appeal (2 months)")),
            Map.entry(
                    "CAA_APPEAL_OQTF",
                    new Name(
                            "Appel d'un jugement sur une OQTF (1 mois)",
                            "Appeal against a judgment on an OQTF (1 month)")),
            Map.entry(
                    "COURT_RULING_RETENTION",
                    new Name(
                            "Jugement de l'OQTF en rétention (96 heures après les 48)",
                            "Ruling on an OQTF in retention (96 hours after the 48)")),
            Map.entry(
                    "COURT_RULING_HOUSE_ARREST",
                    new Name(
                            "Jugement de l'OQTF, assignation ou détention (15 jours)",
                            "Ruling on an OQTF under house arrest or in detention (15 days)")),
            Map.entry(
                    "INJUNCTION_EXPIRY",
                    new Name(
                            "Fin du délai d'exécution fixé par le jugement",
                            "End of the delay the judgment gave the prefecture")),
            Map.entry(
                    "JUDGMENT_ENFORCEMENT",
                    new Name("Demande d'exécution du jugement possible", "Enforcement of the judgment can be asked")),
            Map.entry(
                    "RENEWAL_ONLINE_OPENS",
                    new Name(
                            "Ouverture du renouvellement en ligne (120e jour avant la fin)",
                            "Online renewal opens (120th day before the end)")),
            Map.entry(
                    "RENEWAL_ONLINE_CLOSES",
                    new Name(
                            "Dernier jour du renouvellement en ligne (60e jour avant la fin)",
                            "Last day to renew online (60th day before the end)")),
            Map.entry(
                    "RENEWAL_PREFECTURE_OPENS",
                    new Name(
                            "Ouverture du renouvellement en préfecture (2 mois avant la fin)",
                            "Renewal at the prefecture opens (2 months before the end)")),
            Map.entry(
                    "RENEWAL_PREFECTURE_CLOSES",
                    new Name("Dernier jour du renouvellement en préfecture", "Last day to renew at the prefecture")),
            Map.entry(
                    "AGE_LIMITED_GROUND",
                    new Name(
                            "Dernier jour pour demander (année des 18 ans)",
                            "Last day to apply (the year after the 18th birthday)")),
            Map.entry(
                    "RETENTION_CHALLENGE",
                    new Name(
                            "Contestation du placement en rétention devant le juge (48 heures)",
                            "Challenge of the placement in retention before the judge (48 hours)")),
            Map.entry(
                    "ADDRESS_DECLARATION",
                    new Name(
                            "Déclaration du changement d'adresse à la préfecture (3 mois)",
                            "Declaration of the change of address to the prefecture (3 months)")),
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

    /** Whether the rule has a name of its own (every {@link DeadlineRule} must). */
    static boolean isNamed(String rule) {
        return NAMES.containsKey(rule);
    }

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
