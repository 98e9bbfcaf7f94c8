package fr.passerelle.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The renewal of the card granted in a case was filed (the main process's task {@code applyForRenewal},
 * R431-5 CESEDA): published by the procedure in the engine's transaction; the cases module opens the
 * renewal case ({@link RenewalCases}). {@code tenantId}: the case's association; {@code filedOn}: the
 * filing's date from the form {@code case-renewal-filed}, or null.
 */
public record RenewalFiled(String tenantId, UUID caseId, LocalDate filedOn) {}
