package fr.passerelle.cases;

import java.util.UUID;

/**
 * Published in the transaction that opens a case: its procedure starts with it. {@code renewal}: for a
 * renewal case, the renewal filed in the case it renews (its procedure starts at that filing), else null.
 */
public record CaseOpened(UUID caseId, String department, boolean onlineFiling, RenewalFiled renewal) {

    public CaseOpened(UUID caseId, String department, boolean onlineFiling) {
        this(caseId, department, onlineFiling, null);
    }
}
