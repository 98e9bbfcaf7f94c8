package fr.passerelle.cases;

import java.util.UUID;

/**
 * The birth date of case {@code caseId}'s applicant was entered or corrected: published in the transaction
 * that saves it, once per case still open. The procedure reads the age limit of the case's ground again
 * (L423-21, L423-22 CESEDA: the year after the 18th birthday).
 */
public record BirthDateChanged(UUID caseId) {}
