package fr.passerelle.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A note on a case: written once by its author, never edited. */
@Entity
@Table(name = "case_notes")
class CaseNote {
    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private String authorId;

    @Column(name = "author_name", updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CaseNote() {}

    CaseNote(UUID id, String tenantId, UUID caseId, String authorId, String authorName, String text, Instant at) {
        this.id = id;
        this.tenantId = tenantId;
        this.caseId = caseId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.text = text;
        this.createdAt = at;
    }

    UUID id() {
        return id;
    }

    UUID caseId() {
        return caseId;
    }

    String authorId() {
        return authorId;
    }

    String authorName() {
        return authorName;
    }

    String text() {
        return text;
    }

    Instant createdAt() {
        return createdAt;
    }
}
