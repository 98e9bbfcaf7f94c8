package fr.passerelle.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The person a case is for; several cases (a first request, its renewals) may share one applicant. */
@Entity
@Table(name = "applicants")
class Applicant {
    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String nationality;

    @Column(name = "entry_date")
    private LocalDate entryDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> languages = List.of();

    @Column(name = "interpreter_needed", nullable = false)
    private boolean interpreterNeeded;

    @Column(name = "interpreter_language")
    private String interpreterLanguage;

    private String phone;
    private String email;

    @Column(name = "address_line")
    private String addressLine;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Family family = Family.none();

    @Column(name = "family_notes")
    private String familyNotes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Applicant() {}

    Applicant(UUID id, String tenantId, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(ApplicantRequest request, Instant now) {
        this.firstName = Text.blankToNull(request.firstName());
        this.lastName = request.lastName().strip();
        this.birthDate = request.birthDate();
        this.nationality = request.nationality();
        this.entryDate = request.entryDate();
        this.languages = request.languages() == null
                ? List.of()
                : request.languages().stream().map(String::strip).distinct().toList();
        this.interpreterNeeded = Boolean.TRUE.equals(request.interpreterNeeded());
        this.interpreterLanguage = Text.blankToNull(request.interpreterLanguage());
        this.phone = Text.blankToNull(request.phone());
        this.email = Text.blankToNull(request.email());
        this.addressLine = Text.blankToNull(request.addressLine());
        this.postalCode = Text.blankToNull(request.postalCode());
        this.city = Text.blankToNull(request.city());
        this.family = request.family() == null ? Family.none() : request.family();
        this.familyNotes = Text.blankToNull(request.familyNotes());
        this.updatedAt = now;
    }

    /** Whether an address was known and the request changes it (a move; entering a first address is not one). */
    boolean movesWith(ApplicantRequest request) {
        boolean known = addressLine != null || postalCode != null || city != null;
        return known
                && !(Objects.equals(addressLine, Text.blankToNull(request.addressLine()))
                        && Objects.equals(postalCode, Text.blankToNull(request.postalCode()))
                        && Objects.equals(city, Text.blankToNull(request.city())));
    }

    String fullName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    UUID id() {
        return id;
    }

    String firstName() {
        return firstName;
    }

    String lastName() {
        return lastName;
    }

    LocalDate birthDate() {
        return birthDate;
    }

    String nationality() {
        return nationality;
    }

    LocalDate entryDate() {
        return entryDate;
    }

    List<String> languages() {
        return languages;
    }

    boolean interpreterNeeded() {
        return interpreterNeeded;
    }

    String interpreterLanguage() {
        return interpreterLanguage;
    }

    String phone() {
        return phone;
    }

    String email() {
        return email;
    }

    String addressLine() {
        return addressLine;
    }

    String postalCode() {
        return postalCode;
    }

    String city() {
        return city;
    }

    Family family() {
        return family;
    }

    String familyNotes() {
        return familyNotes;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
