package fr.passerelle.cases;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;
import static fr.passerelle.security.Role.LAWYER;

import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with case files: caseworkers and coordinators read and
 * change their association's cases; only coordinators delete, assign, and override the
 * checklist; lawyers read only the cases granted to them ({@link CaseGrants}); platform
 * admins belong to no association and read nothing. Tenant isolation is row-level security
 * underneath: these checks are about roles within the association.
 */
@Component
class CaseAccess {
    private final List<CaseGrants> grants;
    private final ChecklistCatalog catalog;

    CaseAccess(List<CaseGrants> grants, ChecklistCatalog catalog) {
        this.grants = grants;
        this.catalog = catalog;
    }

    CurrentAssociation requireStaff() {
        return Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
    }

    CurrentAssociation requireCoordinator() {
        return Tenancy.current().requireAnyOf(COORDINATOR);
    }

    /**
     * Pieces that are no part of an appeal, hidden from a lawyer: the photos, the tax stamp, the
     * republic commitment (filing formalities). The medical pieces are hidden too, as health data
     * ({@link #mayReadPiece}).
     */
    static final java.util.Set<String> NOT_FOR_APPEALS =
            java.util.Set.of("photos", "stamp-duty", "republic-commitment");

    /**
     * Whether the caller may read a document of this piece of this case. A medical piece (marked
     * {@code health} in the catalogue: the medical certificate and evidence of L425-9 CESEDA, sealed
     * for the OFII's doctors by R425-11, and the other medical proofs) is health data (GDPR art. 9):
     * on need to know, the case's assignee and the association's coordinators only, never a lawyer
     * (sharing it under the applicant's consent is not built). Other pieces: staff all, a granted
     * lawyer the appeal's.
     */
    boolean mayReadPiece(CaseFile file, String piece) {
        if (isHealth(piece)) {
            return mayReadHealth(file);
        }
        return Tenancy.current().isStaff() || !NOT_FOR_APPEALS.contains(piece);
    }

    boolean isHealth(String piece) {
        return catalog.health(piece);
    }

    /** The case's coordinators, and its assignee when a caseworker of the association. */
    boolean mayReadHealth(CaseFile file) {
        CurrentAssociation association = Tenancy.current();
        if (association.has(COORDINATOR)) {
            return true;
        }
        return association.has(CASEWORKER)
                && file.assigneeId() != null
                && Users.current()
                        .map(user -> user.id().equals(file.assigneeId()))
                        .orElse(false);
    }

    /** Reading one case's file: its association's staff, or a lawyer it was granted to. */
    void requireRead(UUID caseId) {
        CurrentAssociation association = Tenancy.current();
        if (association.isStaff()) {
            return;
        }
        if (association.has(LAWYER) && grants.stream().anyMatch(grant -> grant.lawyerMayRead(caseId))) {
            return;
        }
        throw new AccessDeniedException("Requires the role [CASEWORKER, COORDINATOR] in " + association.slug()
                + ", or a lawyer's grant on this case");
    }
}
