package fr.passerelle.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The renewal of the card granted in a case was filed (the main process's task {@code applyForRenewal},
 * R431-5 CESEDA): published by the procedure in the engine's transaction; the cases module opens the
 * renewal case ({@link RenewalCases}), whose procedure starts at this filing. {@code tenantId}: the case's
 * association; from the form {@code case-renewal-filed}: {@code filedOn} (the filing's date), {@code channel}
 * ({@code ANEF}, {@code PREFECTURE}, {@code REGISTERED_LETTER}), and the récépissé or attestation of extension
 * issued with it (R431-12, R431-15-1 CESEDA), {@code receiptIssuedOn} and {@code receiptValidUntil}, null when
 * not issued yet; {@code cardValidUntil}: the end of the card renewed. Any of them may be null.
 */
public record RenewalFiled(
        String tenantId,
        UUID caseId,
        LocalDate filedOn,
        String channel,
        LocalDate receiptIssuedOn,
        LocalDate receiptValidUntil,
        LocalDate cardValidUntil) {}
