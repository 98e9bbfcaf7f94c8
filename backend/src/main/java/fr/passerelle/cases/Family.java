package fr.passerelle.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An applicant's family ties, structured as the grounds ask about them (the CESEDA articles below):
 * a spouse who is French (L423-1), French minor children (L423-7), parents and other
 * relatives in France (L423-21, L423-23). Stored as one JSON value with the applicant.
 */
record Family(
        MaritalStatus maritalStatus,
        @Valid Spouse spouse,
        @Size(max = 20) List<@Valid @NotNull Child> children,
        @Size(max = 30) List<@Valid @NotNull Relative> relativesInFrance) {

    Family {
        children = children == null ? List.of() : List.copyOf(children);
        relativesInFrance = relativesInFrance == null ? List.of() : List.copyOf(relativesInFrance);
    }

    static Family none() {
        return new Family(null, null, List.of(), List.of());
    }

    enum MaritalStatus {
        SINGLE,
        MARRIED,
        CIVIL_PARTNERSHIP,
        COHABITING,
        SEPARATED,
        DIVORCED,
        WIDOWED
    }

    /** Where a relative stands in France: French, EU citizen, foreign national with or without a permit. */
    enum ResidenceStatus {
        FRENCH,
        EU_CITIZEN,
        REGULAR_RESIDENT,
        IRREGULAR,
        ABROAD,
        UNKNOWN
    }

    enum Relation {
        FATHER,
        MOTHER,
        SIBLING,
        OTHER
    }

    record Spouse(
            @Size(max = 200) String name,
            @NotNull ResidenceStatus status,
            @PastOrPresent LocalDate unionSince,
            @PastOrPresent LocalDate livingTogetherSince) {}

    record Child(
            @Size(max = 100) String firstName,
            @NotNull @PastOrPresent LocalDate birthDate,
            boolean french,
            boolean livesInFrance,
            Boolean contributesToUpkeep) {}

    record Relative(
            @NotNull Relation relation,
            @NotNull ResidenceStatus status,
            @Size(max = 200) String name) {}

    /** Married or in a civil partnership with a French national (L423-1 asks for marriage). */
    boolean spouseIsFrench() {
        return spouse != null && spouse.status() == ResidenceStatus.FRENCH;
    }

    long frenchMinorChildren(LocalDate asOf) {
        return children.stream()
                .filter(Child::french)
                .filter(child -> child.birthDate().plusYears(18).isAfter(asOf))
                .count();
    }

    long parentsInFrance() {
        return relativesInFrance.stream()
                .filter(r -> r.relation() == Relation.FATHER || r.relation() == Relation.MOTHER)
                .filter(r -> r.status() != ResidenceStatus.ABROAD)
                .count();
    }
}
