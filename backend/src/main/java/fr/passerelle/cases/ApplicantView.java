package fr.passerelle.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An applicant with what follows from their family ties for the grounds: spouse of a French
 * national (L423-1), French minor children (L423-7), parents in France (L423-21, L423-23).
 */
record ApplicantView(
        UUID id,
        String firstName,
        String lastName,
        String fullName,
        LocalDate birthDate,
        String nationality,
        LocalDate entryDate,
        List<String> languages,
        boolean interpreterNeeded,
        String interpreterLanguage,
        String phone,
        String email,
        String addressLine,
        String postalCode,
        String city,
        Family family,
        String familyNotes,
        boolean spouseOfFrenchNational,
        long frenchMinorChildren,
        long parentsInFrance,
        List<CaseSummary> cases,
        Instant createdAt,
        Instant updatedAt) {

    record CaseSummary(UUID id, String reference, Ground ground, CaseStatus status) {}

    static ApplicantView of(Applicant a, List<CaseSummary> cases, LocalDate today) {
        return new ApplicantView(
                a.id(),
                a.firstName(),
                a.lastName(),
                a.fullName(),
                a.birthDate(),
                a.nationality(),
                a.entryDate(),
                a.languages(),
                a.interpreterNeeded(),
                a.interpreterLanguage(),
                a.phone(),
                a.email(),
                a.addressLine(),
                a.postalCode(),
                a.city(),
                a.family(),
                a.familyNotes(),
                a.family().spouseIsFrench(),
                a.family().frenchMinorChildren(today),
                a.family().parentsInFrance(),
                cases,
                a.createdAt(),
                a.updatedAt());
    }
}
