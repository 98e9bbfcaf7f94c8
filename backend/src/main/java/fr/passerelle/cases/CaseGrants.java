package fr.passerelle.cases;

import java.util.UUID;

/**
 * The seam for lawyers' access to case files. Lawyers do not browse an association's cases;
 * they read one case when it was offered to or accepted by them (an appeal grant). The
 * appeals feature provides a bean of this type; while none exists, lawyers read nothing.
 * Called within the request, as the lawyer, for the request's association.
 */
public interface CaseGrants {

    /** Whether the calling lawyer holds a current (not revoked) grant on this case. */
    boolean lawyerMayRead(UUID caseId);
}
