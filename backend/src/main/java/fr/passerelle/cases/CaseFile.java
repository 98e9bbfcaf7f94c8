package fr.passerelle.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One applicant's procedure, owned by one association (row-level security on tenant_id). */
@Entity
@Table(name = "cases")
class CaseFile {
    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "applicant_name", nullable = false)
    private String applicantName;

    @Column(nullable = false)
    private Ground ground;

    @Column(nullable = false)
    private String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CaseFile() {
    }

    CaseFile(UUID id, String tenantId, String reference, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.reference = reference;
        this.status = CaseStatus.PREPARATION;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String applicantName, Ground ground, String department, Instant now) {
        this.applicantName = applicantName;
        this.ground = ground;
        this.department = department;
        this.updatedAt = now;
    }

    UUID id() { return id; }
    String tenantId() { return tenantId; }
    String reference() { return reference; }
    String applicantName() { return applicantName; }
    Ground ground() { return ground; }
    String department() { return department; }
    CaseStatus status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
}
