package fr.passerelle.tenancy;

import fr.passerelle.security.Role;
import java.util.Arrays;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/** The association a request acts for, and the caller's roles in it. */
public record CurrentAssociation(String slug, Set<Role> roles) {

    public CurrentAssociation {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The association's own staff (caseworkers, coordinators) see all of its cases and tasks; a lawyer does not. */
    public boolean isStaff() {
        return has(Role.CASEWORKER) || has(Role.COORDINATOR);
    }

    /** Refuses (403) unless the caller holds one of these roles in the association. */
    public CurrentAssociation requireAnyOf(Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(roles::contains)) {
            throw new AccessDeniedException("Requires the role " + Arrays.toString(allowed) + " in " + slug);
        }
        return this;
    }
}
