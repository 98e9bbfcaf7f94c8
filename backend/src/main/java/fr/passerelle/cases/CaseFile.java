package fr.passerelle.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "applicant_id", nullable = false)
    private Applicant applicant;

    @Column(nullable = false)
    private Ground ground;

    @Column(nullable = false)
    private String department;

    private String prefecture;

    @Column(name = "online_filing", nullable = false)
    private boolean onlineFiling;

    @Column(name = "conditions_met")
    private Boolean conditionsMet;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "assignee_id")
    private String assigneeId;

    @Column(name = "assignee_name")
    private String assigneeName;

    @Column(name = "appointment_on")
    private LocalDate appointmentOn;

    @Column(name = "filed_on")
    private LocalDate filedOn;

    @Column(name = "receipt_expires_on")
    private LocalDate receiptExpiresOn;

    @Column(name = "commission_on")
    private LocalDate commissionOn;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "notified_on")
    private LocalDate notifiedOn;

    // written by the procedure (CaseProgress), never by this entity
    @Column(insertable = false, updatable = false)
    private String step;

    @Column(name = "step_since", insertable = false, updatable = false)
    private Instant stepSince;

    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    private CaseOutcome outcome;

    @Column(name = "outcome_on", insertable = false, updatable = false)
    private LocalDate outcomeOn;

    @Column(name = "closed_on", insertable = false, updatable = false)
    private LocalDate closedOn;

    @Column(name = "closed_reason", insertable = false, updatable = false)
    private String closedReason;

    /** The case whose card this case renews (issue 18 item 14), or null. */
    @Column(name = "renewal_of", updatable = false)
    private UUID renewalOf;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CaseFile() {}

    CaseFile(UUID id, String tenantId, String reference, Applicant applicant, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.reference = reference;
        this.applicant = applicant;
        this.status = CaseStatus.PREPARATION;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A case renewing the card granted in {@code previous}: same applicant, ground, department, prefecture. */
    static CaseFile renewalOf(CaseFile previous, UUID id, String reference, Instant now) {
        CaseFile file = new CaseFile(id, previous.tenantId, reference, previous.applicant, now);
        file.renewalOf = previous.id;
        file.ground = previous.ground;
        file.department = previous.department;
        file.prefecture = previous.prefecture;
        file.onlineFiling = previous.onlineFiling;
        return file;
    }

    UUID renewalOf() {
        return renewalOf;
    }

    /** Applies a request; returns what changed, for the audit log (field names, and ground and status values). */
    List<String> describe(CaseRequest request, Applicant newApplicant, Instant now) {
        List<String> changed = new ArrayList<>();
        if (newApplicant != null && !newApplicant.id().equals(applicant.id())) {
            changed.add("applicant");
            applicant = newApplicant;
        }
        if (ground != request.ground()) {
            changed.add("ground " + (ground == null ? "" : ground.article() + " -> ")
                    + request.ground().article());
        }
        ground = request.ground();
        department = track(changed, "department", department, request.department());
        prefecture = track(changed, "prefecture", prefecture, Text.blankToNull(request.prefecture()));
        onlineFiling = track(changed, "onlineFiling", onlineFiling, Boolean.TRUE.equals(request.onlineFiling()));
        conditionsMet = track(changed, "groundConditionsMet", conditionsMet, request.groundConditionsMet());
        if (request.status() != null && request.status() != status) {
            changed.add("status " + status + " -> " + request.status());
            status = request.status();
        }
        appointmentOn = track(changed, "appointmentOn", appointmentOn, request.appointmentOn());
        filedOn = track(changed, "filedOn", filedOn, request.filedOn());
        receiptExpiresOn = track(changed, "receiptExpiresOn", receiptExpiresOn, request.receiptExpiresOn());
        commissionOn = track(changed, "commissionOn", commissionOn, request.commissionOn());
        decidedOn = track(changed, "decidedOn", decidedOn, request.decidedOn());
        notifiedOn = track(changed, "notifiedOn", notifiedOn, request.notifiedOn());
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    /**
     * The applicant moved to {@code newDepartment}: the case follows (its deadlines count there); the
     * prefecture named on the case was the former department's and is cleared, to be entered again.
     */
    void moveTo(String newDepartment, Instant now) {
        if (!newDepartment.equals(department)) {
            department = newDepartment;
            prefecture = null;
            updatedAt = now;
        }
    }

    void changeStatus(CaseStatus newStatus, Instant now) {
        status = newStatus;
        updatedAt = now;
    }

    void assign(String userId, String name, Instant now) {
        assigneeId = userId;
        assigneeName = name;
        updatedAt = now;
    }

    private static <T> T track(List<String> changed, String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
        return after;
    }

    UUID id() {
        return id;
    }

    String tenantId() {
        return tenantId;
    }

    String reference() {
        return reference;
    }

    Applicant applicant() {
        return applicant;
    }

    Ground ground() {
        return ground;
    }

    String department() {
        return department;
    }

    String prefecture() {
        return prefecture;
    }

    boolean onlineFiling() {
        return onlineFiling;
    }

    Boolean conditionsMet() {
        return conditionsMet;
    }

    CaseStatus status() {
        return status;
    }

    String assigneeId() {
        return assigneeId;
    }

    String assigneeName() {
        return assigneeName;
    }

    LocalDate appointmentOn() {
        return appointmentOn;
    }

    LocalDate filedOn() {
        return filedOn;
    }

    LocalDate receiptExpiresOn() {
        return receiptExpiresOn;
    }

    LocalDate commissionOn() {
        return commissionOn;
    }

    LocalDate decidedOn() {
        return decidedOn;
    }

    LocalDate notifiedOn() {
        return notifiedOn;
    }

    String step() {
        return step;
    }

    Instant stepSince() {
        return stepSince;
    }

    CaseOutcome outcome() {
        return outcome;
    }

    LocalDate outcomeOn() {
        return outcomeOn;
    }

    LocalDate closedOn() {
        return closedOn;
    }

    String closedReason() {
        return closedReason;
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
