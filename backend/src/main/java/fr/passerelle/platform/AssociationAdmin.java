package fr.passerelle.platform;

import fr.passerelle.security.CurrentUser;
import fr.passerelle.tenancy.Association;
import fr.passerelle.tenancy.AssociationRepository;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform admins create and rename associations: a row of {@code app.associations} and its
 * Keycloak groups {@code /associations/<slug>/<role>}, together.
 *
 * <p>Nothing is left half-done: the row is written first, in a transaction that stays open
 * while Keycloak is called and commits only once every group is in place, so when Keycloak
 * fails there is no row (nor log entry). The Keycloak side is idempotent rather than undone:
 * the groups an interrupted attempt left (Keycloak failing between two groups, or the commit
 * failing after Keycloak succeeded) are reused and completed by the retry, the same POST or a
 * PUT of the association. A compensating delete would be one more call to the Keycloak that
 * just failed, so it could not promise anything; leftover empty groups without a row grant
 * nothing, and idempotence makes the retry always finish the job. A duplicate slug meets the
 * primary key before Keycloak is touched, so it never changes another association's groups.
 */
@Service
class AssociationAdmin {
    private final AssociationRepository associations;
    private final JdbcTemplate jdbc;
    private final KeycloakAdmin keycloak;
    private final PlatformAudit audit;

    AssociationAdmin(
            AssociationRepository associations, JdbcTemplate jdbc, KeycloakAdmin keycloak, PlatformAudit audit) {
        this.associations = associations;
        this.jdbc = jdbc;
        this.keycloak = keycloak;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<AssociationView> list() {
        PlatformAdmins.require();
        return associations.findAll(Sort.by("name", "slug")).stream()
                .map(AssociationView::of)
                .toList();
    }

    @Transactional
    AssociationView create(String slug, String name) {
        CurrentUser admin = PlatformAdmins.require();
        try {
            // Plain INSERT, not JPA's save: save would merge into an existing row of the same slug.
            jdbc.update("INSERT INTO app.associations (slug, name) VALUES (?, ?)", slug, name);
        } catch (DuplicateKeyException e) {
            throw AdminProblem.conflict("slug", "association_exists", "the association {0} already exists", slug);
        }
        audit.record(admin, slug, "ASSOCIATION_CREATED", null, name);
        keycloak.ensureAssociationGroups(slug, name);
        return AssociationView.of(associations.findById(slug).orElseThrow());
    }

    /** Renames an association, and makes sure its Keycloak groups are complete (so it also repairs them). */
    @Transactional
    AssociationView rename(String slug, String name) {
        CurrentUser admin = PlatformAdmins.require();
        Association association = associations
                .findById(slug)
                .orElseThrow(() -> AdminProblem.notFound("slug", "association_not_found", "no association {0}", slug));
        String before = association.name();
        association.rename(name);
        associations.flush();
        if (!before.equals(name)) {
            audit.record(admin, slug, "ASSOCIATION_RENAMED", null, before + " -> " + name);
        }
        keycloak.ensureAssociationGroups(slug, name);
        return AssociationView.of(association);
    }
}
