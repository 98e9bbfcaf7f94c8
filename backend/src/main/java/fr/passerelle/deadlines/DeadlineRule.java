package fr.passerelle.deadlines;

/**
 * The legal and practical deadlines of the residence-permit procedure, each with the source
 * it is computed from. How each one counts is in {@link LegalDeadlines} and docs/deadlines.md.
 */
public enum DeadlineRule {

    /** Last day to bring a contentious appeal against a refusal without OQTF: 2 months, franc, extended. */
    CONTENTIOUS_APPEAL(Kind.DEADLINE,
            "R421-1 CJA (2 mois); délai franc: CE 5 oct. 2018 n° 409579, CE 13 mai 2015 n° 368892; "
                    + "mois de quantième à quantième: art. 641 CPC; prorogation au premier jour ouvrable: art. 642 CPC"),

    /**
     * Last day to send a gracious or hierarchical appeal that still interrupts the contentious
     * deadline: the same last day as {@link #CONTENTIOUS_APPEAL}.
     */
    ADMINISTRATIVE_APPEAL(Kind.DEADLINE,
            "L411-2 CRPA (recours gracieux ou hiérarchique formé dans le délai du recours contentieux); "
                    + "R421-1 CJA; art. 641 et 642 CPC; date d'envoi, cachet de la poste faisant foi: L112-1 CRPA"),

    /** Day an administrative appeal left unanswered for 2 months after its receipt is implicitly rejected. */
    ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION(Kind.EVENT,
            "L231-4 2° CRPA (silence de 2 mois sur un recours administratif vaut rejet); "
                    + "délai compté de la réception: L114-3 CRPA; recours contre ce rejet: R421-2 CJA"),

    /** Last day to appeal an OQTF in the ordinary procedure: 1 month, franc, extended (30 days before 15 July 2024). */
    OQTF_ORDINARY(Kind.DEADLINE,
            "L911-1 CESEDA (1 mois; loi n° 2024-42 du 26 janv. 2024 art. 72, décret n° 2024-799 du 2 juil. 2024, "
                    + "OQTF notifiées à partir du 15 juil. 2024); délai franc: CE 5 oct. 2018 n° 409579; "
                    + "prorogation: art. 642 CPC; non prorogé par un recours administratif (CESEDA livre IX, partie réglementaire)",
            "Régime antérieur au 15 juil. 2024: 30 jours (ancien R776-2 CJA), non prorogé par un recours "
                    + "administratif (ancien R776-5 I CJA); délai franc et prorogé (art. 642 CPC)"),

    /** Last day to appeal an OQTF notified with house arrest or in detention: 7 days, not franc, not extended. */
    OQTF_HOUSE_ARREST(Kind.DEADLINE,
            "L921-1 CESEDA (7 jours, aucune prorogation); délai non franc: CAA Lyon 19 déc. 2024 n° 24LY03013; "
                    + "lecture prudente retenue: ni franc ni prorogé (art. 642 CPC écarté)",
            "Régime antérieur au 15 juil. 2024: 15 jours (ancien R776-2 CJA), susceptibles d'aucune prorogation "
                    + "(ancien R776-5 II CJA; CE 6 janv. 2023 n° 461471, y compris par l'aide juridictionnelle)"),

    /** Instant after which an OQTF notified in administrative retention can no longer be appealed: 48 hours. */
    OQTF_RETENTION(Kind.DEADLINE,
            "L921-2 CESEDA (48 heures, d'heure à heure, aucune prorogation)",
            "Régime antérieur au 15 juil. 2024: 48 heures (anciens R776-2 et R776-4 CJA), "
                    + "susceptibles d'aucune prorogation (ancien R776-5 II CJA)"),

    /** Day 4 months of silence on a complete application become an implicit refusal. */
    IMPLICIT_REFUSAL(Kind.EVENT,
            "R432-1 et R432-2 CESEDA (silence de 4 mois sur une demande de titre vaut rejet); "
                    + "CE avis 10 oct. 2024 n° 494718 (dossier complet); récépissés sans effet: CE avis 6 mai 2025; "
                    + "mois de quantième à quantième: art. 641 CPC"),

    /** Day to ask for the récépissé to be renewed: 15 days before it expires (practice). */
    RECEIPT_RENEWAL(Kind.REMINDER,
            "Pratique: demander le renouvellement au moins 15 jours avant l'expiration "
                    + "(seeds/003_5ea70130a7f430b6.txt, « at least 15 days in advance »); récépissé: R431-12 CESEDA"),

    /** Latest day the convocation to the commission du titre de séjour may reach the applicant. */
    COMMISSION_CONVOCATION(Kind.DEADLINE,
            "L432-15 CESEDA, 1er alinéa (convocation écrite au moins 15 jours avant la réunion de la commission); "
                    + "seeds/001_c05a4af884f32cda.txt (« au moins 15 jours avant sa date de réunion »)"),

    /** Day of the next weekly follow-up after a filing by registered letter (practice). */
    FOLLOW_UP_WEEKLY(Kind.REMINDER,
            "Pratique associative: relance hebdomadaire après un dépôt par recommandé AR "
                    + "(seeds/003_5ea70130a7f430b6.txt, « follow up weekly »)");

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
        return this == OQTF_RETENTION;
    }

    /** The former rule, for OQTFs notified before 15 July 2024; null for the other rules. */
    String formerSource() {
        return formerSource;
    }

    boolean isOqtf() {
        return this == OQTF_ORDINARY || this == OQTF_HOUSE_ARREST || this == OQTF_RETENTION;
    }
}
