package fr.passerelle.cases;

/**
 * What a case came to, as its procedure makes it known: the prefecture's decision (an explicit
 * grant or refusal, a refusal with an OQTF, the implicit refusal born of 4 months' silence,
 * CESEDA R432-1 and R432-2), an appeal won or lost (the judgment, or an administrative appeal
 * accepted), or the application withdrawn before filing.
 */
public enum CaseOutcome {
    GRANTED,
    REFUSED,
    REFUSED_WITH_OQTF,
    IMPLICIT_REFUSAL,
    APPEAL_WON,
    APPEAL_LOST,
    WITHDRAWN;

    /** A prefecture's decision, as opposed to an appeal's outcome or a withdrawal. */
    public boolean isDecision() {
        return this == GRANTED || this == REFUSED || this == REFUSED_WITH_OQTF || this == IMPLICIT_REFUSAL;
    }

    public boolean isRefusal() {
        return this == REFUSED || this == REFUSED_WITH_OQTF || this == IMPLICIT_REFUSAL;
    }
}
