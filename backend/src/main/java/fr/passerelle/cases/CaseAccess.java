package fr.passerelle.cases;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;
import static fr.passerelle.security.Role.LAWYER;

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

    CaseAccess(List<CaseGrants> grants) {
        this.grants = grants;
    }

    CurrentAssociation requireStaff() {
        return Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
    }

    CurrentAssociation requireCoordinator() {
        return Tenancy.current().requireAnyOf(COORDINATOR);
    }

    /**
     * Pieces that are no part of an appeal, hidden from a lawyer: the photos, the tax stamp, the
     * republic commitment (filing formalities), and the medical pieces sealed for the OFII's
     * doctors (R425-11 CESEDA: the medical certificate goes to the OFII's medical board under seal).
     */
    static final java.util.Set<String> NOT_FOR_APPEALS =
            java.util.Set.of("photos", "stamp-duty", "republic-commitment", "ofii-medical", "ofii-medical-evidence");

    /** Whether the caller may read a document of this piece: staff all, a granted lawyer the appeal's. */
    boolean mayReadPiece(String piece) {
        return Tenancy.current().isStaff() || !NOT_FOR_APPEALS.contains(piece);
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
