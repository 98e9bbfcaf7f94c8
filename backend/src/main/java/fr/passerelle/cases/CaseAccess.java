package fr.passerelle.cases;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;
import static fr.passerelle.security.Role.LAWYER;

import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
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
    private final CaseRepository cases;
    private final Clock clock;
    private final Period archivedAfter;

    CaseAccess(
            List<CaseGrants> grants,
            ChecklistCatalog catalog,
            CaseRepository cases,
            Clock clock,
            @Value("${passerelle.archive.after:P30D}") Period archivedAfter) {
        this.grants = grants;
        this.catalog = catalog;
        this.cases = cases;
        this.clock = clock;
        this.archivedAfter = archivedAfter;
    }

    /**
     * A closed case is read-only: no note, no document, no piece changes (409 naming the reason). Its processes
     * have ended, so it has no task either. Only an OQTF reopens it (through the engine: {@code CaseEvents}).
     */
    void requireOpen(CaseFile file) {
        if (file.status() == CaseStatus.CLOSED) {
            throw Problem.conflict("case_closed_read_only", file.reference());
        }
    }

    /**
     * Archived: closed for {@code passerelle.archive.after} (30 days by default: the time to hand the
     * person their papers and answer their questions), the case is kept for its retention (intermediate
     * archiving, the CNIL's référentiel for social support) and read by the coordinators only until it
     * is anonymised ({@link Retention}).
     */
    boolean archived(CaseFile file) {
        return file.status() == CaseStatus.CLOSED
                && file.closedOn() != null
                && !file.closedOn().plus(archivedAfter).isAfter(LocalDate.now(clock.withZone(AssociationTime.ZONE)));
    }

    /** The day before which a closed case is archived (closed on or before it). */
    LocalDate archivedIfClosedBy() {
        return LocalDate.now(clock.withZone(AssociationTime.ZONE)).minus(archivedAfter);
    }

    /** 403 to all but the coordinators on an archived case. */
    void requireNotArchived(CaseFile file) {
        if (archived(file) && !Tenancy.current().has(COORDINATOR)) {
            throw new AccessDeniedException(
                    "An archived case (closed on " + file.closedOn() + "): its association's coordinators only");
        }
    }

    private void requireNotArchived(UUID caseId) {
        cases.findById(caseId).ifPresent(this::requireNotArchived);
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
        if (association.isStaff()
                || (association.has(LAWYER) && grants.stream().anyMatch(grant -> grant.lawyerMayRead(caseId)))) {
            requireNotArchived(caseId);
            return;
        }
        throw new AccessDeniedException("Requires the role [CASEWORKER, COORDINATOR] in " + association.slug()
                + ", or a lawyer's grant on this case");
    }
}
