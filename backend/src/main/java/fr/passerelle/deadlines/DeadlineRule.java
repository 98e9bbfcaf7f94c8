package fr.passerelle.deadlines;

/**
 * The legal and practical deadlines of the residence-permit procedure, each with the source
 * it is computed from. How each one counts is in {@link LegalDeadlines} and docs/deadlines.md.
 */
public enum DeadlineRule {

    /** Last day to bring a contentious appeal against a refusal without OQTF: 2 months, franc, extended. */
    CONTENTIOUS_APPEAL(
            Kind.DEADLINE,
            "R421-1 CJA (2 mois); délai franc: CE 5 oct. 2018 n° 409579, CE 13 mai 2015 n° 368892; "
                    + "mois de quantième à quantième: art. 641 CPC; prorogation au premier jour ouvrable: art. 642 CPC"),

    /**
     * Last day to send a gracious or hierarchical appeal that still interrupts the contentious
     * deadline: the same last day as {@link #CONTENTIOUS_APPEAL}.
     */
    ADMINISTRATIVE_APPEAL(
            Kind.DEADLINE,
            "L411-2 CRPA (recours gracieux ou hiérarchique formé dans le délai du recours contentieux); "
                    + "R421-1 CJA; art. 641 et 642 CPC; date d'envoi, cachet de la poste faisant foi: L112-1 CRPA"),

    /** Day an administrative appeal left unanswered for 2 months after its receipt is implicitly rejected. */
    ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION(
            Kind.EVENT,
            "L231-4 2° CRPA (silence de 2 mois sur un recours administratif vaut rejet); "
                    + "délai compté de la réception: L114-3 CRPA; recours contre ce rejet: R421-2 CJA"),

    /** Last day to appeal an OQTF in the ordinary procedure: 1 month, franc, extended (30 days before 15 July 2024). */
    OQTF_ORDINARY(
            Kind.DEADLINE,
            "L911-1 CESEDA (1 mois; loi n° 2024-42 du 26 janv. 2024 art. 72, décret n° 2024-799 du 2 juil. 2024, "
                    + "OQTF notifiées à partir du 15 juil. 2024); délai franc: CE 5 oct. 2018 n° 409579; "
                    + "prorogation: art. 642 CPC; non prorogé par un recours administratif (CESEDA livre IX, partie réglementaire)",
            "Régime antérieur au 15 juil. 2024: 30 jours (ancien R776-2 CJA), non prorogé par un recours "
                    + "administratif (ancien R776-5 I CJA); délai franc et prorogé (art. 642 CPC)"),

    /** Last day to appeal an OQTF notified with house arrest or in detention: 7 days, not franc, not extended. */
    OQTF_HOUSE_ARREST(
            Kind.DEADLINE,
            "L921-1 CESEDA (7 jours, aucune prorogation); délai non franc: CAA Lyon 19 déc. 2024 n° 24LY03013; "
                    + "lecture prudente retenue: ni franc ni prorogé (art. 642 CPC écarté)",
            "Régime antérieur au 15 juil. 2024: 15 jours (ancien R776-2 CJA), susceptibles d'aucune prorogation "
                    + "(ancien R776-5 II CJA; CE 6 janv. 2023 n° 461471, y compris par l'aide juridictionnelle)"),

    /** Instant after which an OQTF notified in administrative retention can no longer be appealed: 48 hours. */
    OQTF_RETENTION(
            Kind.DEADLINE,
            "L921-2 CESEDA (48 heures, d'heure à heure, aucune prorogation)",
            "Régime antérieur au 15 juil. 2024: 48 heures (anciens R776-2 et R776-4 CJA), "
                    + "susceptibles d'aucune prorogation (ancien R776-5 II CJA)"),

    /** Day 4 months of silence on a complete application become an implicit refusal. */
    IMPLICIT_REFUSAL(
            Kind.EVENT,
            "R432-1 et R432-2 CESEDA (silence de 4 mois sur une demande de titre vaut rejet); "
                    + "CE avis 10 oct. 2024 n° 494718 (dossier complet); récépissés sans effet: CE avis 6 mai 2025; "
                    + "mois de quantième à quantième: art. 641 CPC"),

    /** Day to ask for the récépissé to be renewed: 15 days before it expires (practice). */
    RECEIPT_RENEWAL(
            Kind.REMINDER,
            "Pratique associative: demander le renouvellement au moins 15 jours avant l'expiration "
                    + "(docs/procedure.md); récépissé: R431-12 CESEDA; attestation de prolongation: R431-15-1 CESEDA"),

    /**
     * The last day a récépissé (or attestation) is valid: the timer fires when that day is over
     * with no new document recorded (the person is then without proof of lawful stay).
     */
    RECEIPT_EXPIRY(
            Kind.DEADLINE,
            "R431-12 CESEDA (récépissé), R431-15-1 CESEDA (attestation de prolongation d'instruction); "
                    + "renouvellements après le refus implicite: CE avis 6 mai 2025 n° 499904"),

    /**
     * A date the prefecture set (pieces asked during the examination, often 15 days): the last day
     * to act is that day, not moved.
     */
    PREFECTURE_DEADLINE(
            Kind.DEADLINE, "Délai fixé par la préfecture dans sa demande; pièce demandée après le dépôt: L114-5 CRPA"),

    /**
     * First day a card's renewal application may be filed: 4 months before its end, or the
     * 120th day before it, whichever is later (R431-5 CESEDA; service-public.fr F2209).
     */
    RENEWAL_WINDOW_OPENS(
            Kind.REMINDER,
            "R431-5 CESEDA (demande de renouvellement entre le 120e et le 60e jour avant l'expiration); "
                    + "service-public.fr « Carte de séjour vie privée et familiale » (4 mois à 2 mois avant)"),

    /**
     * Last day a card's renewal application may be filed in time: 2 months before its end, or the
     * 60th day before it, whichever is earlier; a non-working day moves back to the previous working day.
     */
    RENEWAL_WINDOW_CLOSES(
            Kind.DEADLINE,
            "R431-5 CESEDA (demande de renouvellement entre le 120e et le 60e jour avant l'expiration); "
                    + "service-public.fr « Carte de séjour vie privée et familiale » (4 mois à 2 mois avant); "
                    + "lecture prudente: la plus tôt des deux dates, avancée au jour ouvré précédent"),

    /** Latest day the convocation to the commission du titre de séjour may reach the applicant. */
    COMMISSION_CONVOCATION(
            Kind.DEADLINE,
            "L432-15 CESEDA, 1er alinéa (convocation écrite au moins 15 jours avant la réunion de la commission)"),

    /** Day of the next weekly follow-up after a filing by registered letter (practice). */
    FOLLOW_UP_WEEKLY(
            Kind.REMINDER,
            "Pratique associative: relance hebdomadaire après un envoi par recommandé AR (docs/procedure.md)"),

    /**
     * The deadline printed on the decision (R421-5 CJA), counted from that day itself: the last day
     * to act when it is earlier than the legal one ({@link LegalDeadlines#earlierOfPrinted}).
     */
    PRINTED_DEADLINE(
            Kind.DEADLINE,
            "Délai de recours mentionné sur la décision (R421-5 CJA : voies et délais de recours) ; "
                    + "plus court que le délai légal, il est retenu par prudence (docs/deadlines.md)"),

    /**
     * Day to chase the legal-aid bureau about a request still unanswered: a month after the request or
     * the last follow-up (practice); the appeal deadline stays interrupted meanwhile.
     */
    LEGAL_AID_FOLLOW_UP(
            Kind.REMINDER,
            "Pratique associative : relancer le bureau d'aide juridictionnelle un mois après la demande,"
                    + " puis chaque mois (docs/procedure.md) ; interruption du délai de recours :"
                    + " décret n° 2020-1717 du 28 déc. 2020, art. 43"),

    /** Last day to appeal a judgment of the tribunal administratif to the cour administrative d'appel: 2 months, franc. */
    CAA_APPEAL(
            Kind.DEADLINE,
            "R811-2 CJA (appel : 2 mois à compter de la notification du jugement) ; délai franc : CE 13 mai 2015"
                    + " n° 368892 ; art. 641 et 642 CPC, au calendrier du siège de la cour administrative d'appel"
                    + " (R221-7 CJA : aucune cour en Alsace-Moselle ni outre-mer)"),

    /**
     * Last day to appeal a judgment on an OQTF (and the refusal of stay it goes with) to the cour
     * administrative d'appel: 1 month, franc.
     */
    CAA_APPEAL_OQTF(
            Kind.DEADLINE,
            "R776-9 CJA (appel des jugements rendus sur les OQTF et les décisions qui les accompagnent : 1 mois"
                    + " à compter de la notification du jugement) ; délai franc : CE 13 mai 2015 n° 368892 ;"
                    + " art. 641 et 642 CPC, au calendrier du siège de la cour administrative d'appel (R221-7 CJA)"),

    /** Instant by which the judge must have ruled on an OQTF challenged from retention: 96 hours after the 48. */
    COURT_RULING_RETENTION(
            Kind.DEADLINE,
            "L921-2 CESEDA (le président du tribunal administratif statue dans un délai de 96 heures à compter"
                    + " de l'expiration du délai de recours de 48 heures)"),

    /** Last day the judge has to rule on an OQTF challenged under house arrest or in detention: 15 days from the filing. */
    COURT_RULING_HOUSE_ARREST(
            Kind.DEADLINE,
            "L921-1 CESEDA (le président du tribunal administratif statue dans un délai de 15 jours à compter"
                    + " de sa saisine) ; L921-3 CESEDA (assignation à résidence en cours d'instance)"),

    /**
     * The last day of the delay a judgment gave the prefecture to re-examine or to issue the card,
     * entered as that day (the judgment's delay counted from its notification to the prefecture).
     */
    INJUNCTION_EXPIRY(
            Kind.DEADLINE,
            "Délai d'exécution fixé par le jugement (injonction : L911-1 et L911-2 CJA) ; à son expiration,"
                    + " demande d'exécution au tribunal : L911-4 et R921-1-1 CJA"),

    /**
     * First day the court can be asked to have a judgment carried out when it set no delay: 3 months
     * after its notification (R921-1-1 CJA), unless the prefecture refuses in writing before.
     */
    JUDGMENT_ENFORCEMENT(
            Kind.EVENT,
            "R921-1-1 CJA (demande d'exécution après 3 mois à compter de la notification du jugement, sauf refus"
                    + " explicite d'exécuter ou délai fixé par le jugement) ; L911-4 CJA"),

    /** First day a renewal may be filed on the online service (ANEF): the 120th day before the card ends. */
    RENEWAL_ONLINE_OPENS(
            Kind.REMINDER,
            "R431-5 CESEDA (demande sur le téléservice : entre le 120e et le 60e jour avant l'expiration)"),

    /**
     * Last day a renewal may be filed on the online service (ANEF): the 60th day before the card ends,
     * moved back to the previous working day.
     */
    RENEWAL_ONLINE_CLOSES(
            Kind.DEADLINE,
            "R431-5 CESEDA (demande sur le téléservice : entre le 120e et le 60e jour avant l'expiration) ;"
                    + " lecture prudente : avancé au jour ouvré précédent"),

    /** First day a renewal may be filed at the prefecture: 2 months before the card ends. */
    RENEWAL_PREFECTURE_OPENS(
            Kind.REMINDER, "R431-5 CESEDA (demande en préfecture : dans les deux mois précédant l'expiration)"),

    /**
     * Last day a renewal may be filed at the prefecture: the day before the card's last day of
     * validity, moved back to the previous working day (the earlier reading of "before expiry").
     */
    RENEWAL_PREFECTURE_CLOSES(
            Kind.DEADLINE,
            "R431-5 CESEDA (demande en préfecture : dans les deux mois précédant l'expiration) ; lecture"
                    + " prudente : la veille du dernier jour de validité, avancée au jour ouvré précédent"),

    /**
     * Last day to file under a ground open only in the year after the 18th birthday (L423-21,
     * L423-22 CESEDA), counted from the birth date: the day before the 19th birthday, moved back to
     * the previous working day.
     */
    AGE_LIMITED_GROUND(
            Kind.DEADLINE,
            "L423-21 et L423-22 CESEDA (demande dans l'année qui suit le dix-huitième anniversaire) ; lecture"
                    + " prudente : la veille du 19e anniversaire, avancée au jour ouvré précédent ; dépôt en personne"
                    + " exigé : CE avis 10 oct. 2024 n° 493514"),

    /**
     * Instant after which a placement in administrative retention can no longer be challenged before the
     * judge (magistrat du siège du tribunal judiciaire): 48 hours from its notification, hour to hour,
     * the safe reading (docs/procedure.md).
     */
    RETENTION_CHALLENGE(
            Kind.DEADLINE,
            "L741-10 CESEDA (contestation de la décision de placement en rétention devant le magistrat du siège"
                    + " du tribunal judiciaire); lecture prudente: 48 heures d'heure à heure depuis la notification"
                    + " du placement (délai de la rédaction antérieure à la loi n° 2024-42, le plus court; le texte"
                    + " en vigueur est à vérifier)"),

    /**
     * Last day to declare a new address to the prefecture: three months from the move (R431-23 CESEDA),
     * the safe reading: the same day of the month three months on (clamped to the month's end), not
     * franc, not moved off a non-working day.
     */
    ADDRESS_DECLARATION(
            Kind.DEADLINE,
            "R431-23 CESEDA (déclaration de la nouvelle adresse à la préfecture dans les trois mois du"
                    + " déménagement ; texte à vérifier) ; lecture prudente : le même quantième trois mois plus"
                    + " tard, ni franc ni reporté");

    /** What the computed date means, and so when a BPMN timer on it fires. */
    public enum Kind {
        /** A last day to act: missed after the end of that day (or the exact instant for hours). */
        DEADLINE,
        /** The day something happens by law (an implicit decision is born). */
        EVENT,
        /** The day to act by, in practice: the timer fires at the start of that day. */
        REMINDER
    }

    private final Kind kind;
    private final String source;
    private final String formerSource;

    DeadlineRule(Kind kind, String source) {
        this(kind, source, null);
    }

    DeadlineRule(Kind kind, String source, String formerSource) {
        this.kind = kind;
        this.source = source;
        this.formerSource = formerSource;
    }

    public Kind kind() {
        return kind;
    }

    /** The texts and decisions the rule is computed from (the rule in force). */
    public String source() {
        return source;
    }

    /** Whether the rule counts hours, so needs the notification's date and time. */
    public boolean countsHours() {
        return this == OQTF_RETENTION || this == COURT_RULING_RETENTION || this == RETENTION_CHALLENGE;
    }

    /**
     * Whose working days extend or move the deadline (art. 642 CPC): the court's for court deadlines
     * (the tribunal administratif of the authority that decided, R312-1 CJA), the prefecture's for what
     * is filed with it, the cour administrative d'appel's seat for appeals against a judgment, none
     * for the rules no holiday moves (events, deadlines not extended). The department then only
     * gives the time zone.
     */
    public Calendar calendar() {
        return switch (this) {
            case CONTENTIOUS_APPEAL, ADMINISTRATIVE_APPEAL, OQTF_ORDINARY -> Calendar.COURT;
            case CAA_APPEAL, CAA_APPEAL_OQTF -> Calendar.COURT_OF_APPEAL;
            case RECEIPT_RENEWAL,
                    RENEWAL_WINDOW_CLOSES,
                    RENEWAL_ONLINE_CLOSES,
                    RENEWAL_PREFECTURE_CLOSES,
                    AGE_LIMITED_GROUND -> Calendar.PREFECTURE;
            default -> Calendar.NONE;
        };
    }

    /** Whose calendar of working days a rule counts in ({@link #calendar()}). */
    public enum Calendar {
        /** The tribunal administratif's department (else the deciding prefecture's: R312-1 CJA). */
        COURT,
        /** The seat of the cour administrative d'appel: national holidays only (R221-7 CJA). */
        COURT_OF_APPEAL,
        /** The prefecture the application or the renewal is filed with. */
        PREFECTURE,
        /** No holiday moves the date; the department gives the time zone only. */
        NONE
    }

    /**
     * The rule for an application whose ground is open only for a time, by the ground's article
     * (CESEDA): {@link #AGE_LIMITED_GROUND} for L423-21 and L423-22 (counted from the birth date).
     */
    public static java.util.Optional<DeadlineRule> forGround(String article) {
        return "L423-21".equals(article) || "L423-22".equals(article)
                ? java.util.Optional.of(AGE_LIMITED_GROUND)
                : java.util.Optional.empty();
    }

    /** The rule of the appeal against a judgment on a case whose first-instance deadline was {@code rule}. */
    public static DeadlineRule courtOfAppealAfter(DeadlineRule rule) {
        return rule.isOqtf() ? CAA_APPEAL_OQTF : CAA_APPEAL;
    }

    /** The former rule, for OQTFs notified before 15 July 2024; null for the other rules. */
    String formerSource() {
        return formerSource;
    }

    boolean isOqtf() {
        return this == OQTF_ORDINARY || this == OQTF_HOUSE_ARREST || this == OQTF_RETENTION;
    }
}
