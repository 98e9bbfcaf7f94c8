package fr.passerelle.platform;

import fr.passerelle.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who belongs to an association, with which roles, as the identity provider says (Keycloak
 * groups {@code /associations/<slug>/<role>}): for checks that must not trust a request's
 * strings (an assignee, a lawyer an appeal is offered to) and for names written to the audit.
 */
public interface AssociationDirectory {

    /** A member: Keycloak id, username, display name, roles in the association. */
    record Person(String userId, String username, String name, Set<Role> roles) {
        public boolean has(Role role) {
            return roles.contains(role);
        }
    }

    /** The member with this id, if they are an enabled member of the association. */
    Optional<Person> member(String association, String userId);

    /** The enabled members holding a role in the association. */
    List<Person> withRole(String association, Role role);
}
