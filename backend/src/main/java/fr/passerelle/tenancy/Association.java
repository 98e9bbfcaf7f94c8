package fr.passerelle.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant: one association, named in Keycloak by its slug ({@code /associations/<slug>/...}). */
@Entity
@Table(name = "associations")
public class Association {
    @Id
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Association() {}

    public Association(String slug, String name) {
        this.slug = slug;
        this.name = name;
        this.createdAt = Instant.now();
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** A new display name; the slug, which names the association in Keycloak, never changes. */
    public void rename(String name) {
        this.name = name;
    }
}
