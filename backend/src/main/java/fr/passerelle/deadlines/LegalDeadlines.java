package fr.passerelle.deadlines;

import static fr.passerelle.deadlines.FrenchText.date;
import static fr.passerelle.deadlines.FrenchText.dateTime;
import static fr.passerelle.deadlines.FrenchText.dayMonthYear;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes the deadlines of {@link DeadlineRule} for a department, and their interruptions.
 *
 * <h2>Counting (docs/deadlines.md)</h2>
 * <ul>
 *   <li><b>Franc</b> deadlines in days and months (CE 5 Oct 2018 n° 409579; CE 13 May 2015
 *       n° 368892): the day of the triggering event is not counted and the deadline ends at the end
 *       of the day after the nominal last day. Notified 3 January, 2 months: nominal 3 March, ends at
 *       the end of 4 March.</li>
 *   <li><b>Months</b> run date to date; a month without the day clamps to its last day (art. 641
 *       CPC). At month ends two readings of the franc deadline exist (see {@link #francMonths}); the
 *       earlier is kept.</li>
 *   <li><b>Extension</b> (art. 642 CPC as applied by the Conseil d'État): a last day that is a
 *       Saturday, Sunday or public holiday of the department moves to the next working day. Only for
 *       the rules that say so.</li>
 *   <li><b>Hours</b> run hour to hour, neither franc nor extended.</li>
 * </ul>
 *
 * <h2>Time zones</h2>
 * Instants ({@code endsAt}, {@code timerAt}) are the end or start of a day. The law counts in
 * the local time of the court; the processes speak Europe/Paris. In metropolitan France they are
 * the same. Overseas, the earlier of the two instants is kept: for La Réunion and Mayotte (ahead of
 * Paris) local midnight, for the Antilles and Guyane (behind Paris) Paris midnight.
 *
 * <p>Stateless apart from the calendar: thread-safe.
 */
public final class LegalDeadlines {

    /** OQTFs notified from this day on follow loi n° 2024-42 art. 72 and décret n° 2024-799 (art. 9 II). */
    static final LocalDate OQTF_REFORM = LocalDate.of(2024, 7, 15);

    static final ZoneId PARIS = Department.PARIS;

    private static final String LEGAL_AID_SOURCE =
            "décret n° 2020-1717 du 28 déc. 2020, art. 43 (aide juridictionnelle)";

    private final LegalCalendar calendar;

    public LegalDeadlines(LegalCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The time zone deadlines are counted and shown in for a department (Paris when none or unknown). */
    public static ZoneId zoneOf(String department) {
        try {
            return department == null || department.isBlank()
                    ? PARIS
                    : Department.of(department).zone();
        } catch (IllegalArgumentException unknown) {
            return PARIS;
        }
    }

    /**
     * The deadline of {@code rule} counted from {@code from} in {@code department}.
     * Date rules use {@code from.toLocalDate()}; {@link DeadlineRule#OQTF_RETENTION} uses the time
     * too, read as local time (see the class comment on time zones).
     *
     * @param from for OQTFs and appeals the notification; for {@link DeadlineRule#IMPLICIT_REFUSAL}
     *             the filing of the complete file; for
     *             {@link DeadlineRule#ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION} the receipt of the
     *             appeal; for {@link DeadlineRule#RECEIPT_RENEWAL} the last day of validity of the
     *             récépissé; for {@link DeadlineRule#COMMISSION_CONVOCATION} the day of the meeting;
     *             for {@link DeadlineRule#FOLLOW_UP_WEEKLY} the last follow-up; for
     *             {@link DeadlineRule#RECEIPT_EXPIRY} the last day of validity; for
     *             {@link DeadlineRule#PREFECTURE_DEADLINE} the day the prefecture set; for
     *             {@link DeadlineRule#RENEWAL_WINDOW_OPENS} and {@link DeadlineRule#RENEWAL_WINDOW_CLOSES}
     *             the card's last day of validity
     * @throws IllegalArgumentException for an unknown department code
     */
    public Deadline compute(DeadlineRule rule, LocalDateTime from, String department) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(from, "from");
        Department dept = Department.of(department);
        if (rule == DeadlineRule.COURT_RULING_RETENTION) {
            return retentionRuling(from, dept);
        }
        if (rule == DeadlineRule.RETENTION_CHALLENGE) {
            return retentionChallenge(from, dept);
        }
        if (rule.countsHours()) {
            return retention(from, dept);
        }
        LocalDate day = from.toLocalDate();
        return dateRule(rule, day, day, dept, "à compter du " + date(day));
    }

    /**
     * The deadline of a date rule counted from {@code from}.
     *
     * @throws IllegalArgumentException for {@link DeadlineRule#OQTF_RETENTION}, which counts hours,
     *                                  and for an unknown department code
     */
    public Deadline compute(DeadlineRule rule, LocalDate from, String department) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(from, "from");
        requireDateRule(rule);
        return compute(rule, from.atStartOfDay(), department);
    }

    /**
     * The deadline of {@code rule} counted from {@code from} in the calendar the law gives it
     * ({@link DeadlineRule#calendar()}): the court's department for court deadlines, the prefecture's
     * for what is filed there, the national calendar for an appeal to a cour administrative d'appel.
     * When that department is not known, the deadline is computed in each candidate of
     * {@link Venue#departmentsFor} (the deciding prefecture's, R312-1 CJA, and the applicant's) and
     * the earlier kept, saying so.
     *
     * @throws IllegalArgumentException for an unknown department code
     */
    public Deadline compute(DeadlineRule rule, LocalDateTime from, Venue venue) {
        Objects.requireNonNull(venue, "venue");
        List<String> departments = venue.departmentsFor(rule);
        Deadline earliest = null;
        for (String department : departments) {
            Deadline candidate = compute(rule, from, department);
            if (earliest == null
                    || candidate.endsAt().isBefore(earliest.endsAt())
                    || candidate.endsAt().isEqual(earliest.endsAt())
                            && candidate.timerAt().isBefore(earliest.timerAt())) {
                earliest = candidate;
            }
        }
        String where = switch (rule.calendar()) {
            case COURT ->
                venue.courtDepartment() != null
                        ? "Calendrier du tribunal administratif (département " + departments.get(0) + ", art. 642 CPC)."
                        : "Tribunal non encore connu : calendrier de la préfecture qui a décidé (R312-1 CJA)"
                                + (departments.size() > 1 ? " et de celui de la personne, le plus tôt retenu." : ".");
            case COURT_OF_APPEAL ->
                "Calendrier du siège de la cour administrative d'appel : jours fériés nationaux (R221-7 CJA).";
            case PREFECTURE ->
                "Calendrier de la préfecture (département " + departments.get(0) + ")"
                        + (departments.size() > 1
                                ? " ; préfecture inconnue : le plus tôt des départements connus."
                                : ".");
            case NONE -> departments.size() > 1 ? "Plusieurs départements possibles : le plus tôt retenu." : "";
        };
        return where.isEmpty() ? earliest : earliest.withExplanation(earliest.explanation() + " " + where);
    }

    /**
     * The birth of the implicit refusal when the prefecture asked for missing pieces: the 4 months of
     * silence run from the complete file, that is from the receipt of the last piece asked for before
     * the refusal was born (L114-5 CRPA; CE avis 10 Oct 2024 n° 494718). A request made once the
     * refusal is born (the same day included) changes nothing. The explanation gives the birth counted
     * from the filing too: acting against the earlier one is in time under every reading.
     *
     * @param filedOn  the filing of the application (the first complete filing)
     * @param requests the pieces asked for after the filing, with the day each was received (null
     *                 while awaited)
     * @throws IllegalStateException when pieces asked before the birth are still awaited: the 4
     *                               months do not run
     */
    public Deadline implicitRefusal(LocalDate filedOn, List<PieceRequest> requests, String department) {
        Objects.requireNonNull(filedOn, "filedOn");
        Objects.requireNonNull(requests, "requests");
        Department dept = Department.of(department);
        LocalDate from = filedOn;
        List<String> counted = new ArrayList<>();
        for (PieceRequest request : requests.stream()
                .sorted(Comparator.comparing(PieceRequest::requestedOn))
                .toList()) {
            if (request.requestedOn().isBefore(filedOn)) {
                throw new IllegalArgumentException(
                        "Pieces asked on " + request.requestedOn() + ", before the filing of " + filedOn);
            }
            if (!request.requestedOn().isBefore(from.plusMonths(4))) {
                continue; // the refusal was born before the request: nothing restarts
            }
            if (request.receivedOn() == null) {
                throw new IllegalStateException("Pieces asked on " + request.requestedOn()
                        + " are awaited: the 4 months of silence do not run until they are received (L114-5 CRPA)");
            }
            if (request.receivedOn().isAfter(from)) {
                from = request.receivedOn();
            }
            counted.add(
                    "pièces demandées le " + date(request.requestedOn()) + ", reçues le " + date(request.receivedOn()));
        }
        Deadline fromFiling = dateRule(
                DeadlineRule.IMPLICIT_REFUSAL, filedOn, filedOn, dept, "à compter du dépôt le " + date(filedOn));
        if (from.equals(filedOn)) {
            return fromFiling;
        }
        Deadline born = dateRule(DeadlineRule.IMPLICIT_REFUSAL, from, from, dept, "");
        return born.withSourceAndExplanation(
                born.source() + "; pièces manquantes: L114-5 CRPA",
                capitalize(String.join(" ; ", counted)) + " : le dossier n'est complet qu'à la réception des pièces"
                        + " (L114-5 CRPA ; CE avis 10 oct. 2024 n° 494718). " + born.explanation()
                        + " Compté depuis le dépôt, le refus serait né le " + date(fromFiling.date())
                        + " : si la demande de pièces est contestable (pièce non exigible, délai non fixé),"
                        + " agir par prudence contre le refus né le plus tôt.");
    }

    /** Pieces asked for after the filing ({@link #implicitRefusal}); {@code receivedOn} null while awaited. */
    public record PieceRequest(LocalDate requestedOn, LocalDate receivedOn) {
        public PieceRequest {
            Objects.requireNonNull(requestedOn, "requestedOn");
            if (receivedOn != null && receivedOn.isBefore(requestedOn)) {
                throw new IllegalArgumentException(
                        "Pieces asked on " + requestedOn + " cannot have been received before, on " + receivedOn);
            }
        }
    }

    /**
     * The earlier of a computed deadline and the one printed on the decision (R421-5 CJA): a printed
     * deadline shorter than the law's is the one to act by (the safe reading: a court may hold the
     * person to what the decision said, and nobody loses by acting earlier). A later printed date
     * changes nothing. The comparison is on the instants: a 48-hour deadline ending at 08:30 is
     * earlier than the end of the same printed day.
     */
    public Deadline earlierOfPrinted(Deadline computed, LocalDate printed, String department) {
        Objects.requireNonNull(computed, "computed");
        if (printed == null) {
            return computed;
        }
        Deadline onDecision = compute(DeadlineRule.PRINTED_DEADLINE, printed, department);
        if (!onDecision.endsAt().isBefore(computed.endsAt())) {
            return computed;
        }
        return new Deadline(
                computed.rule(),
                onDecision.date(),
                null,
                onDecision.endsAt(),
                computed.rule().kind() == DeadlineRule.Kind.DEADLINE ? onDecision.endsAt() : onDecision.timerAt(),
                computed.source() + "; " + DeadlineRule.PRINTED_DEADLINE.source(),
                "La décision mentionne un délai expirant le " + date(printed) + ", plus tôt que le délai légal (le "
                        + date(computed.date()) + ") : on retient par prudence la date imprimée. "
                        + computed.explanation());
    }

    /**
     * Whether something done on {@code actual} is after the deadline of {@code rule} counted from
     * {@code from}: for example a commission convocation received less than 15 days before the
     * meeting ({@code isLate(COMMISSION_CONVOCATION, meetingDate, receivedDate, department)}).
     */
    public boolean isLate(DeadlineRule rule, LocalDate from, LocalDate actual, String department) {
        Objects.requireNonNull(actual, "actual");
        return compute(rule, from, department).isLate(actual);
    }

    /**
     * The deadline after a request for legal aid (aide juridictionnelle). A request sent before
     * the deadline expires interrupts it; a new deadline of the same length then runs in full from
     * the notification of the legal-aid decision (décret n° 2020-1717 art. 43). A request sent
     * after the deadline interrupts nothing: the original deadline is returned, saying so.
     *
     * <p>Only for {@link DeadlineRule#CONTENTIOUS_APPEAL} and {@link DeadlineRule#OQTF_ORDINARY}.
     *
     * @param notifiedOn         notification of the decision (the original {@code from})
     * @param requestedOn        the day the legal-aid request was sent or handed to the bureau
     * @param decisionNotifiedOn notification of the legal-aid bureau's decision
     * @throws IllegalArgumentException for {@link DeadlineRule#OQTF_HOUSE_ARREST} and
     *                                  {@link DeadlineRule#OQTF_RETENTION}, which legal aid does not
     *                                  interrupt, for rules that are not court deadlines, and for
     *                                  dates out of order
     */
    public Deadline afterLegalAid(
            DeadlineRule rule,
            LocalDate notifiedOn,
            LocalDate requestedOn,
            LocalDate decisionNotifiedOn,
            String department) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(notifiedOn, "notifiedOn");
        Objects.requireNonNull(requestedOn, "requestedOn");
        Objects.requireNonNull(decisionNotifiedOn, "decisionNotifiedOn");
        switch (rule) {
            case CONTENTIOUS_APPEAL, OQTF_ORDINARY -> {}
            case OQTF_HOUSE_ARREST, OQTF_RETENTION ->
                throw new IllegalArgumentException(
                        "Legal aid does not interrupt the " + rule + " deadline (" + rule.source()
                                + "; docs/deadlines.md): the appeal must be filed within the deadline itself,"
                                + " legal aid can be asked for in the appeal");
            default ->
                throw new IllegalArgumentException("Legal aid interrupts court deadlines only"
                        + " (CONTENTIOUS_APPEAL, OQTF_ORDINARY), not " + rule);
        }
        Department dept = Department.of(department);
        if (requestedOn.isBefore(notifiedOn)) {
            throw new IllegalArgumentException(
                    "Legal aid requested on " + requestedOn + ", before the decision was notified on " + notifiedOn);
        }
        if (decisionNotifiedOn.isBefore(requestedOn)) {
            throw new IllegalArgumentException(
                    "Legal-aid decision notified on " + decisionNotifiedOn + ", before the request of " + requestedOn);
        }
        Deadline original = dateRule(rule, notifiedOn, notifiedOn, dept, "à compter du " + date(notifiedOn));
        if (requestedOn.isAfter(original.date())) {
            return original.withSourceAndExplanation(
                    original.source() + "; " + LEGAL_AID_SOURCE,
                    "Aide juridictionnelle demandée le " + date(requestedOn) + ", après la fin du délai (le "
                            + date(original.date()) + ") : elle n'a rien interrompu. " + original.explanation());
        }
        // Art. 43 lets the new deadline start from the latest of several events (notification of the
        // decision, the day it can no longer be contested, the designation of the lawyer). The
        // notification of the decision is the earliest of them: it is the conservative start.
        Deadline restarted = dateRule(
                rule,
                decisionNotifiedOn,
                notifiedOn,
                dept,
                "à compter de la notification de la décision d'aide juridictionnelle le " + date(decisionNotifiedOn));
        return restarted.withSourceAndExplanation(
                restarted.source() + "; " + LEGAL_AID_SOURCE,
                "Aide juridictionnelle demandée le " + date(requestedOn) + ", avant la fin du délai initial (le "
                        + date(original.date())
                        + ") : le délai est interrompu et recommence en entier à la notification"
                        + " de la décision du bureau d'aide juridictionnelle (décret n° 2020-1717, art. 43 ; point de"
                        + " départ le plus précoce retenu). " + restarted.explanation());
    }

    /**
     * The deadline of {@code rule} after gracious and/or hierarchical appeals against the decision
     * notified on {@code notifiedOn}.
     *
     * <ul>
     *   <li>{@link DeadlineRule#CONTENTIOUS_APPEAL}: appeals sent within the initial contentious
     *       deadline interrupt it; it restarts in full from the rejection, or, when both a gracious
     *       and a hierarchical appeal were sent in time, from the later of the two rejections
     *       (L411-2 CRPA). Only the first appeal of each kind counts (a second gracious appeal does
     *       not interrupt again). Appeals sent after the deadline interrupt nothing.</li>
     *   <li>{@link DeadlineRule#OQTF_ORDINARY}, {@link DeadlineRule#OQTF_HOUSE_ARREST}:
     *       administrative appeals do not extend an OQTF deadline; the original deadline is returned,
     *       saying so.</li>
     * </ul>
     *
     * @throws IllegalStateException    when an appeal sent in time has not been rejected yet: the
     *                                  contentious deadline does not run again until it is
     * @throws IllegalArgumentException for other rules ({@link DeadlineRule#OQTF_RETENTION}: use
     *                                  {@link #compute(DeadlineRule, LocalDateTime, String)}, nothing
     *                                  extends it), or an appeal sent before the notification
     */
    public Deadline afterAdministrativeAppeals(
            DeadlineRule rule, LocalDate notifiedOn, List<AdministrativeAppeal> appeals, String department) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(notifiedOn, "notifiedOn");
        Objects.requireNonNull(appeals, "appeals");
        Department dept = Department.of(department);
        for (AdministrativeAppeal appeal : appeals) {
            Objects.requireNonNull(appeal, "appeal");
            if (appeal.sentOn().isBefore(notifiedOn)) {
                throw new IllegalArgumentException("A " + appeal.kind() + " appeal sent on " + appeal.sentOn()
                        + " cannot be against a decision notified later, on " + notifiedOn);
            }
        }
        switch (rule) {
            case OQTF_ORDINARY, OQTF_HOUSE_ARREST -> {
                Deadline original = dateRule(rule, notifiedOn, notifiedOn, dept, "à compter du " + date(notifiedOn));
                if (appeals.isEmpty()) {
                    return original;
                }
                return original.withExplanation("Les recours administratifs ne prorogent pas le délai de recours"
                        + " contre une OQTF. " + original.explanation());
            }
            case OQTF_RETENTION ->
                throw new IllegalArgumentException("OQTF_RETENTION counts hours and nothing"
                        + " extends it: use compute(OQTF_RETENTION, notifiedAt, department)");
            case CONTENTIOUS_APPEAL -> {}
            default ->
                throw new IllegalArgumentException("Administrative appeals restart CONTENTIOUS_APPEAL only"
                        + " (and do not extend OQTF deadlines), not " + rule);
        }

        Deadline original = dateRule(
                DeadlineRule.CONTENTIOUS_APPEAL, notifiedOn, notifiedOn, dept, "à compter du " + date(notifiedOn));
        Map<AdministrativeAppeal.Kind, AdministrativeAppeal> firstInTime =
                new EnumMap<>(AdministrativeAppeal.Kind.class);
        List<AdministrativeAppeal> outOfTime = new ArrayList<>();
        appeals.stream()
                .sorted(Comparator.comparing(AdministrativeAppeal::sentOn))
                .forEach(appeal -> {
                    if (appeal.sentOn().isAfter(original.date())) {
                        outOfTime.add(appeal);
                    } else {
                        firstInTime.putIfAbsent(appeal.kind(), appeal);
                    }
                });
        String lateNote = outOfTime.isEmpty()
                ? ""
                : outOfTime.stream()
                        .map(a -> a.frenchName() + " envoyé le " + date(a.sentOn()))
                        .collect(Collectors.joining(
                                ", ",
                                "",
                                " : après la fin du délai initial (le " + date(original.date())
                                        + "), sans effet interruptif. "));
        if (firstInTime.isEmpty()) {
            return original.withExplanation(capitalize(lateNote) + original.explanation());
        }
        List<AdministrativeAppeal> pending = firstInTime.values().stream()
                .filter(a -> a.rejectedOn() == null)
                .toList();
        if (!pending.isEmpty()) {
            throw new IllegalStateException("The contentious deadline is interrupted and does not run again until"
                    + " every administrative appeal sent in time has been rejected (L411-2 CRPA); still pending: "
                    + pending.stream()
                            .map(a -> a.kind() + " sent on " + a.sentOn())
                            .collect(Collectors.joining(", ")));
        }
        AdministrativeAppeal last = firstInTime.values().stream()
                .max(Comparator.comparing(AdministrativeAppeal::rejectedOn))
                .orElseThrow();
        String inTimeNote = firstInTime.values().stream()
                .map(a -> a.frenchName() + " envoyé le " + date(a.sentOn()) + ", rejeté le " + date(a.rejectedOn()))
                .collect(Collectors.joining(" ; "));
        Deadline restarted = dateRule(
                DeadlineRule.CONTENTIOUS_APPEAL,
                last.rejectedOn(),
                notifiedOn,
                dept,
                "à compter du rejet du " + last.frenchName() + " le " + date(last.rejectedOn()));
        return restarted.withSourceAndExplanation(
                restarted.source() + "; interruption: L411-2 CRPA",
                capitalize(inTimeNote) + " : " + (firstInTime.size() > 1 ? "formés" : "formé")
                        + " dans le délai initial (qui expirait le " + date(original.date()) + "), "
                        + (firstInTime.size() > 1
                                ? "ils l'ont interrompu ; il recommence en entier au plus tardif des rejets"
                                : "il l'a interrompu ; il recommence en entier à son rejet")
                        + " (L411-2 CRPA). " + (outOfTime.isEmpty() ? "" : capitalize(lateNote))
                        + restarted.explanation());
    }

    // ------------------------------------------------------------------ date rules

    private static void requireDateRule(DeadlineRule rule) {
        if (rule.countsHours()) {
            throw new IllegalArgumentException(rule + " counts hour to hour from the notification: give its date"
                    + " and time (compute(rule, LocalDateTime, department)), not a date alone");
        }
    }

    /**
     * @param from       the day the rule counts from
     * @param regimeDate the notification that decides which OQTF regime applies (before or after
     *                   15 July 2024); the same as {@code from} except after an interruption
     * @param fromWording how the start is told in the explanation ("à compter du ...")
     */
    private Deadline dateRule(
            DeadlineRule rule, LocalDate from, LocalDate regimeDate, Department dept, String fromWording) {
        requireDateRule(rule);
        boolean former = rule.isOqtf() && regimeDate.isBefore(OQTF_REFORM);
        String source = former
                ? rule.formerSource() + "; OQTF notifiée avant le 15 juil. 2024 (loi n° 2024-42"
                        + " art. 86 IV, décret n° 2024-799 art. 9 II)"
                : rule.source();
        StringBuilder text = new StringBuilder();
        LocalDate day = switch (rule) {
            case CONTENTIOUS_APPEAL, ADMINISTRATIVE_APPEAL ->
                extended(francMonths(from, 2, fromWording, text), dept, text);
            case OQTF_ORDINARY ->
                former
                        ? extended(
                                francDays(
                                        from,
                                        30,
                                        fromWording + " (OQTF notifiée avant le 15 juillet 2024 : régime antérieur)",
                                        text),
                                dept,
                                text)
                        : extended(francMonths(from, 1, fromWording, text), dept, text);
            case OQTF_HOUSE_ARREST ->
                notFrancDays(
                        from,
                        former ? 15 : 7,
                        fromWording + (former ? " (OQTF notifiée avant le 15 juillet 2024 : régime antérieur)" : ""),
                        text);
            case IMPLICIT_REFUSAL ->
                event(
                        from,
                        4,
                        "à compter du dépôt du dossier complet le " + date(from),
                        "la décision implicite de rejet",
                        text);
            case ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION ->
                event(
                        from,
                        2,
                        "à compter de la réception du recours le " + date(from),
                        "la décision implicite de rejet du recours",
                        text);
            case RECEIPT_RENEWAL -> receiptRenewal(from, dept, text);
            case RECEIPT_EXPIRY -> {
                text.append("Document provisoire valable jusqu'au ")
                        .append(date(from))
                        .append(" inclus : sans nouveau document, la personne n'a plus de preuve de séjour régulier.");
                yield from;
            }
            case PREFECTURE_DEADLINE -> {
                text.append("Date limite fixée par la préfecture : le ")
                        .append(date(from))
                        .append(".");
                yield from;
            }
            case RENEWAL_WINDOW_OPENS -> renewalOpens(from, text);
            case RENEWAL_WINDOW_CLOSES -> renewalCloses(from, dept, text);
            case COMMISSION_CONVOCATION -> {
                LocalDate latest = from.minusDays(15);
                text.append("Réunion de la commission le ")
                        .append(date(from))
                        .append(" : la convocation écrite doit parvenir au moins 15 jours avant, soit au plus tard le ")
                        .append(date(latest))
                        .append(" (L432-15 CESEDA).");
                yield latest;
            }
            case FOLLOW_UP_WEEKLY -> {
                LocalDate next = from.plusDays(7);
                text.append("Dernière relance le ")
                        .append(date(from))
                        .append(" : relancer 7 jours plus tard, le ")
                        .append(date(next))
                        .append(" (pratique associative).");
                yield next;
            }
            case PRINTED_DEADLINE -> {
                text.append("Délai mentionné sur la décision : jusqu'au ")
                        .append(date(from))
                        .append(" inclus, non prorogé.");
                yield from;
            }
            case LEGAL_AID_FOLLOW_UP -> {
                LocalDate next = from.plusMonths(1);
                text.append("Demande d'aide juridictionnelle (ou dernière relance) le ")
                        .append(date(from))
                        .append(" : relancer le bureau d'aide juridictionnelle le ")
                        .append(date(next))
                        .append(
                                " si sa décision n'est pas notifiée (pratique) ; le délai de recours reste interrompu.");
                yield next;
            }
            case CAA_APPEAL ->
                extended(
                        francMonths(from, 2, "à compter de la notification du jugement le " + date(from), text),
                        dept,
                        text);
            case CAA_APPEAL_OQTF ->
                extended(
                        francMonths(from, 1, "à compter de la notification du jugement le " + date(from), text),
                        dept,
                        text);
            case COURT_RULING_HOUSE_ARREST -> {
                LocalDate last = from.plusDays(15);
                text.append("Requête enregistrée le ")
                        .append(date(from))
                        .append(" : le juge statue dans les 15 jours, au plus tard le ")
                        .append(date(last))
                        .append(" (L921-1 CESEDA) ; l'audience peut être fixée bien avant.");
                yield last;
            }
            case INJUNCTION_EXPIRY -> {
                text.append("Délai d'exécution fixé par le jugement : jusqu'au ")
                        .append(date(from))
                        .append(" inclus ; passé ce jour sans exécution, demander l'exécution au tribunal"
                                + " (L911-4 et R921-1-1 CJA).");
                yield from;
            }
            case JUDGMENT_ENFORCEMENT -> {
                LocalDate opens = from.plusMonths(3);
                text.append("Jugement notifié le ")
                        .append(date(from))
                        .append(
                                " : sans délai fixé par le jugement, l'exécution peut être demandée au tribunal à partir du ")
                        .append(date(opens))
                        .append(" (3 mois, R921-1-1 CJA), plus tôt si la préfecture refuse par écrit d'exécuter.");
                yield opens;
            }
            case RENEWAL_ONLINE_OPENS -> {
                LocalDate opens = from.minusDays(120);
                text.append("Titre valable jusqu'au ")
                        .append(date(from))
                        .append(
                                " : sur le téléservice (ANEF), la demande de renouvellement peut être déposée à partir du ")
                        .append(date(opens))
                        .append(" (120e jour avant l'expiration, R431-5 CESEDA).");
                yield opens;
            }
            case RENEWAL_ONLINE_CLOSES ->
                renewalChannelCloses(
                        from,
                        from.minusDays(60),
                        "sur le téléservice (ANEF)",
                        "60e jour avant l'expiration",
                        dept,
                        text);
            case RENEWAL_PREFECTURE_OPENS -> {
                LocalDate opens = from.minusMonths(2);
                text.append("Titre valable jusqu'au ")
                        .append(date(from))
                        .append(" : en préfecture, la demande de renouvellement peut être présentée à partir du ")
                        .append(date(opens))
                        .append(" (dans les deux mois précédant l'expiration, R431-5 CESEDA).");
                yield opens;
            }
            case RENEWAL_PREFECTURE_CLOSES ->
                renewalChannelCloses(
                        from,
                        from.minusDays(1),
                        "en préfecture",
                        "la veille du dernier jour de validité, lecture prudente de « avant l'expiration »",
                        dept,
                        text);
            case AGE_LIMITED_GROUND -> {
                LocalDate eighteen = from.plusYears(18);
                LocalDate target = from.plusYears(19).minusDays(1);
                LocalDate lastDay = calendar.lastWorkingDayUntil(target, dept);
                text.append("Né(e) le ")
                        .append(date(from))
                        .append(" : 18 ans le ")
                        .append(date(eighteen))
                        .append(" ; la demande doit être déposée dans l'année qui suit, au plus tard le ")
                        .append(date(lastDay));
                if (!lastDay.equals(target)) {
                    text.append(" (la veille du 19e anniversaire, le ")
                            .append(date(target))
                            .append(", n'étant pas un jour ouvré, on avance au jour ouvré précédent)");
                }
                text.append(" (L423-21, L423-22 CESEDA). Le dépôt se fait en personne : demander le rendez-vous"
                        + " bien avant (CE avis 10 oct. 2024 n° 493514).");
                yield lastDay;
            }
            case ADDRESS_DECLARATION -> {
                LocalDate lastDay = from.plusMonths(3);
                text.append("Déménagement le ")
                        .append(date(from))
                        .append(" : la nouvelle adresse est à déclarer à la préfecture au plus tard le ")
                        .append(date(lastDay))
                        .append(" (trois mois, R431-23 CESEDA ; lecture prudente : ni franc ni reporté).");
                yield lastDay;
            }
            case OQTF_RETENTION, COURT_RULING_RETENTION, RETENTION_CHALLENGE -> throw new AssertionError("hour rule");
        };
        ZonedDateTime start = startOfDay(day, dept);
        ZonedDateTime end = startOfDay(day.plusDays(1), dept);
        return switch (rule.kind()) {
            case DEADLINE -> new Deadline(rule, day, null, end, end, source, text.toString());
            case EVENT -> new Deadline(rule, day, null, start, start, source, text.toString());
            case REMINDER -> new Deadline(rule, day, null, end, start, source, text.toString());
        };
    }

    /**
     * Last day of a franc deadline of {@code months} months.
     *
     * <p>Reading A (art. 641 CPC, then franc): the nominal last day has the same day of the month as
     * the event, clamped to the month's end; the deadline ends the day after. Reading B (the usual
     * wording "the day bearing the same number as the day after the event"): the day after the
     * event, plus the months, clamped. They agree except at month ends: notified 30 December, A gives
     * 28 February + 1 = 1 March, B gives 31 December + 2 months = 28 February; notified 30 April,
     * A gives 30 May + 1 = 31 May for one month, B gives 1 June. Courts have not settled this; the
     * earlier of the two is kept, so that a filing on the returned day is in time under both.
     */
    private static LocalDate francMonths(LocalDate from, int months, String fromWording, StringBuilder text) {
        LocalDate nominal = from.plusMonths(months);
        LocalDate readingA = nominal.plusDays(1);
        LocalDate readingB = from.plusDays(1).plusMonths(months);
        text.append("Délai franc de ")
                .append(months)
                .append(" mois ")
                .append(fromWording)
                .append(
                        " : le jour de départ ne compte pas et le délai court jusqu'à la fin du lendemain du terme nominal (")
                .append(dayMonthYear(nominal));
        if (nominal.getDayOfMonth() != from.getDayOfMonth()) {
            text.append(", dernier jour du mois faute de quantième identique, art. 641 CPC");
        }
        text.append(")");
        if (readingB.isBefore(readingA)) {
            text.append(", soit le ")
                    .append(dayMonthYear(readingA))
                    .append(" ; fin de mois : on retient la lecture la plus prudente,"
                            + " quantième du lendemain du départ ramené au dernier jour du mois, soit le ")
                    .append(date(readingB))
                    .append(".");
            return readingB;
        }
        text.append(", soit le ").append(date(readingA)).append(".");
        return readingA;
    }

    private static LocalDate francDays(LocalDate from, int days, String fromWording, StringBuilder text) {
        LocalDate nominal = from.plusDays(days);
        LocalDate last = nominal.plusDays(1);
        text.append("Délai franc de ")
                .append(days)
                .append(" jours ")
                .append(fromWording)
                .append(
                        " : le jour de départ ne compte pas et le délai court jusqu'à la fin du lendemain du terme nominal (")
                .append(dayMonthYear(nominal))
                .append("), soit le ")
                .append(date(last))
                .append(".");
        return last;
    }

    /**
     * OQTF with house arrest or in detention. The counting is disputed: the 7 days admit no
     * extension (L921-1 CESEDA); CAA Lyon (19 Dec 2024, n° 24LY03013) held the deadline not franc,
     * starting the day after the notification and ending at midnight on the last day, overturning a
     * tribunal that had counted hour to hour. Conservative reading kept: not franc, not extended
     * over a weekend or holiday; the explanation warns about the hour.
     */
    private static LocalDate notFrancDays(LocalDate from, int days, String fromWording, StringBuilder text) {
        LocalDate last = from.plusDays(days);
        text.append("Délai de ")
                .append(days)
                .append(" jours ")
                .append(fromWording)
                .append(
                        ", non franc et jamais prorogé (lecture prudente d'un décompte discuté) : il expire à la fin du ")
                .append(date(last))
                .append(", même si c'est un samedi, un dimanche ou un jour férié.")
                .append(
                        " Par prudence, agir avant l'heure de la notification ce jour-là (un tribunal a déjà compté d'heure à heure).");
        return last;
    }

    /**
     * An implicit decision is born when the silence has lasted {@code months} months from the
     * start day (date to date, clamped at month end: art. 641 CPC). It is taken as born at the start
     * of that day, the earlier reading: the appeal deadline against it then starts no later than
     * under any other reading.
     */
    private static LocalDate event(LocalDate from, int months, String fromWording, String what, StringBuilder text) {
        LocalDate born = from.plusMonths(months);
        text.append("Silence de ")
                .append(months)
                .append(" mois ")
                .append(fromWording)
                .append(" : ")
                .append(what)
                .append(" naît le ")
                .append(date(born));
        if (born.getDayOfMonth() != from.getDayOfMonth()) {
            text.append(" (dernier jour du mois faute de quantième identique, art. 641 CPC)");
        }
        text.append(". Lecture prudente : tenue pour née dès le début de ce jour ; elle n'est pas reportée"
                + " par un samedi, un dimanche ou un jour férié.");
        return born;
    }

    /**
     * Practice: ask for the renewal at least 15 days before the récépissé expires. When that day is
     * not a working day the request goes to the previous working day, since the prefecture must be
     * able to receive it.
     */
    private LocalDate receiptRenewal(LocalDate validUntil, Department dept, StringBuilder text) {
        LocalDate target = validUntil.minusDays(15);
        LocalDate day = calendar.lastWorkingDayUntil(target, dept);
        text.append("Récépissé valable jusqu'au ")
                .append(date(validUntil))
                .append(" : demander son renouvellement au moins 15 jours avant, soit au plus tard le ")
                .append(date(day));
        if (!day.equals(target)) {
            text.append(" (le ")
                    .append(date(target))
                    .append(" n'étant pas un jour ouvré, on avance au jour ouvré précédent)");
        }
        text.append(".");
        return day;
    }

    /**
     * R431-5 CESEDA says "between the 120th and the 60th day" before the end, the public page "4 to
     * 2 months": the window shown is the narrower one, so a filing inside it is in time under both.
     */
    private static LocalDate renewalOpens(LocalDate cardEnd, StringBuilder text) {
        LocalDate months = cardEnd.minusMonths(4);
        LocalDate days = cardEnd.minusDays(120);
        LocalDate day = months.isAfter(days) ? months : days;
        text.append("Titre valable jusqu'au ")
                .append(date(cardEnd))
                .append(" : la demande de renouvellement peut être présentée à partir du ")
                .append(date(day))
                .append(" (4 mois ou 120 jours avant l'expiration, R431-5 CESEDA : la plus tardive des deux dates).");
        return day;
    }

    private LocalDate renewalCloses(LocalDate cardEnd, Department dept, StringBuilder text) {
        LocalDate months = cardEnd.minusMonths(2);
        LocalDate days = cardEnd.minusDays(60);
        LocalDate target = months.isBefore(days) ? months : days;
        LocalDate day = calendar.lastWorkingDayUntil(target, dept);
        text.append("Titre valable jusqu'au ")
                .append(date(cardEnd))
                .append(" : présenter la demande de renouvellement au plus tard le ")
                .append(date(day))
                .append(" (2 mois ou 60 jours avant l'expiration, R431-5 CESEDA : la plus tôt des deux dates");
        if (!day.equals(target)) {
            text.append(" ; le ")
                    .append(date(target))
                    .append(" n'étant pas un jour ouvré, on avance au jour ouvré précédent");
        }
        text.append(").");
        return day;
    }

    /** The last day of a renewal channel's window, moved back off a non-working day of the prefecture. */
    private LocalDate renewalChannelCloses(
            LocalDate cardEnd, LocalDate target, String channel, String reading, Department dept, StringBuilder text) {
        LocalDate day = calendar.lastWorkingDayUntil(target, dept);
        text.append("Titre valable jusqu'au ")
                .append(date(cardEnd))
                .append(" : ")
                .append(channel)
                .append(", présenter la demande de renouvellement au plus tard le ")
                .append(date(day))
                .append(" (")
                .append(reading)
                .append(", R431-5 CESEDA");
        if (!day.equals(target)) {
            text.append(" ; le ")
                    .append(date(target))
                    .append(" n'étant pas un jour ouvré, on avance au jour ouvré précédent");
        }
        text.append(").");
        return day;
    }

    /** Art. 642 CPC: a last day that is not a working day of the department moves to the next one. */
    private LocalDate extended(LocalDate last, Department dept, StringBuilder text) {
        LocalDate day = calendar.firstWorkingDayFrom(last, dept);
        if (!day.equals(last)) {
            List<String> skipped = new ArrayList<>();
            for (LocalDate d = last; d.isBefore(day); d = d.plusDays(1)) {
                String reason = calendar.nonWorkingReason(d, dept).orElseThrow();
                boolean weekendWord = reason.equals("samedi") || reason.equals("dimanche");
                skipped.add("le " + date(d) + (weekendWord ? "" : " (" + reason + ")"));
            }
            text.append(" ")
                    .append(capitalize(joinFrench(skipped)))
                    .append(skipped.size() > 1 ? " ne sont pas des jours ouvrés" : " n'est pas un jour ouvré")
                    .append(" dans le département ")
                    .append(dept.code())
                    .append(" : le délai est prorogé au ")
                    .append(date(day))
                    .append(" (art. 642 CPC).");
        }
        return day;
    }

    // ------------------------------------------------------------------ hour rule

    /**
     * OQTF in retention: 48 hours from the notification, hour to hour, never extended.
     *
     * <p>Across a change of the clocks "48 hours" has two readings: 48 elapsed hours, or the same
     * wall-clock time two days later. When the clocks go forward (29 March 2026) the wall-clock
     * reading comes one hour earlier (47 elapsed hours); when they go back (25 October 2026) the
     * elapsed reading does (the wall clock would give 49 hours). A court could hold either, so the
     * earlier instant is kept: a filing before it is in time under both. A notification time that
     * does not exist (in the spring gap) or exists twice (in the autumn overlap) is read at its
     * earliest possible instant; an end time in the gap is reached when the clocks jump over it.
     * Overseas, the time is read both as Paris time (the processes' convention) and as local time,
     * and the earlier end is kept.
     */
    private Deadline retention(LocalDateTime from, Department dept) {
        boolean former = from.toLocalDate().isBefore(OQTF_REFORM);
        Set<ZoneId> zones = new LinkedHashSet<>(List.of(PARIS, dept.zone()));
        Instant end = null;
        Instant elapsedEnd = null;
        Instant wallEnd = null;
        for (ZoneId zone : zones) {
            Instant elapsed = earliestInstant(from, zone).plus(Duration.ofHours(48));
            Instant wall = wallClockReaches(from.plusDays(2), zone);
            Instant candidate = elapsed.isBefore(wall) ? elapsed : wall;
            if (end == null || candidate.isBefore(end)) {
                end = candidate;
                elapsedEnd = elapsed;
                wallEnd = wall;
            }
        }
        ZonedDateTime endsAt = end.atZone(dept.zone());
        LocalDateTime local = endsAt.toLocalDateTime();
        String zoneWord = dept.zone().equals(PARIS) ? "heure de Paris" : "heure locale";
        StringBuilder text = new StringBuilder("Délai de 48 heures d'heure à heure à compter de la notification le ")
                .append(dateTime(from));
        if (former) {
            text.append(" (OQTF notifiée avant le 15 juillet 2024 : régime antérieur, également 48 heures)");
        }
        text.append(" : il expire le ")
                .append(dateTime(local))
                .append(" (")
                .append(zoneWord)
                .append("), jamais prorogé, même un samedi, un dimanche ou un jour férié.");
        if (!elapsedEnd.equals(wallEnd)) {
            text.append(" Un changement d'heure tombe dans le délai : 48 heures écoulées mènent au ")
                    .append(dateTime(elapsedEnd.atZone(dept.zone()).toLocalDateTime()))
                    .append(", la même heure deux jours plus tard au ")
                    .append(dateTime(wallEnd.atZone(dept.zone()).toLocalDateTime()))
                    .append(" ; on retient le plus tôt.");
        }
        if (zones.size() > 1) {
            text.append(
                    " L'heure de notification est lue comme heure de Paris et comme heure locale ; on retient la fin la plus précoce.");
        }
        String source = former
                ? DeadlineRule.OQTF_RETENTION.formerSource() + "; OQTF notifiée avant le 15 juil. 2024"
                : DeadlineRule.OQTF_RETENTION.source();
        return new Deadline(
                DeadlineRule.OQTF_RETENTION, local.toLocalDate(), local, endsAt, endsAt, source, text.toString());
    }

    /**
     * The judge of an OQTF challenged from retention rules within 96 hours of the end of the 48-hour
     * deadline (L921-2 CESEDA): 144 hours after the notification, with the earlier reading across a
     * change of the clocks, as for the 48 hours themselves.
     */
    private Deadline retentionRuling(LocalDateTime from, Department dept) {
        Deadline appeal = retention(from, dept);
        Instant elapsed = appeal.endsAt().toInstant().plus(Duration.ofHours(96));
        Instant wall = wallClockReaches(appeal.endsAt().toLocalDateTime().plusDays(4), dept.zone());
        Instant end = elapsed.isBefore(wall) ? elapsed : wall;
        ZonedDateTime endsAt = end.atZone(dept.zone());
        LocalDateTime local = endsAt.toLocalDateTime();
        String text = "Le délai de recours de 48 heures expire le "
                + dateTime(appeal.endsAt().toLocalDateTime())
                + " ; le juge statue dans les 96 heures qui suivent, au plus tard le " + dateTime(local)
                + " (L921-2 CESEDA). L'audience a souvent lieu plus tôt : trouver l'avocat sans attendre.";
        return new Deadline(
                DeadlineRule.COURT_RULING_RETENTION,
                local.toLocalDate(),
                local,
                endsAt,
                endsAt,
                DeadlineRule.COURT_RULING_RETENTION.source(),
                text);
    }

    /**
     * A placement in retention challenged before the judge (L741-10 CESEDA): 48 hours from its
     * notification, counted as {@link #retention} (hour to hour, never extended, the earlier instant
     * across a change of the clocks or overseas). The safe reading: the delay of the text before loi
     * n° 2024-42, shorter than any later one (docs/procedure.md).
     */
    private Deadline retentionChallenge(LocalDateTime from, Department dept) {
        Deadline hours = retention(from, dept);
        String zoneWord = dept.zone().equals(PARIS) ? "heure de Paris" : "heure locale";
        String text = "Contestation du placement en rétention devant le juge (L741-10 CESEDA) : par prudence, 48 heures"
                + " d'heure à heure à compter de la notification du placement le " + dateTime(from)
                + " ; elle expire le " + dateTime(hours.dateTime()) + " (" + zoneWord
                + "), jamais prorogée. Le délai du texte en vigueur peut être plus long : à vérifier, agir avant.";
        return new Deadline(
                DeadlineRule.RETENTION_CHALLENGE,
                hours.date(),
                hours.dateTime(),
                hours.endsAt(),
                hours.timerAt(),
                DeadlineRule.RETENTION_CHALLENGE.source(),
                text);
    }

    /** The earliest instant a local date-time can denote in {@code zone} (gaps and overlaps included). */
    static Instant earliestInstant(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            offsets = List.of(gap.getOffsetBefore(), gap.getOffsetAfter());
        }
        // The larger the offset from UTC, the earlier the instant.
        ZoneOffset largest = offsets.stream()
                .max(Comparator.comparingInt(ZoneOffset::getTotalSeconds))
                .orElseThrow();
        return local.toInstant(largest);
    }

    /**
     * The first instant the clock on the wall in {@code zone} shows {@code local} or a later time:
     * the instant itself, its first occurrence when the clocks go back, the moment of the jump when
     * the clocks go forward over it.
     */
    static Instant wallClockReaches(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return earliestInstant(local, zone);
    }

    /** The start of {@code day}: the earlier of its start in Paris and in the department's zone. */
    static ZonedDateTime startOfDay(LocalDate day, Department dept) {
        Instant paris = day.atStartOfDay(PARIS).toInstant();
        Instant local = day.atStartOfDay(dept.zone()).toInstant();
        return (paris.isBefore(local) ? paris : local).atZone(dept.zone());
    }

    private static String joinFrench(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " et " + parts.get(parts.size() - 1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
