package fr.passerelle.security;

import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as the validated token says: identity, platform-admin flag, and the
 * associations they belong to with their roles in each (association slug to roles).
 */
public record CurrentUser(
        String id,
        String username,
        String name,
        String email,
        boolean platformAdmin,
        Map<String, Set<Role>> memberships) {

    public CurrentUser {
        memberships = Map.copyOf(memberships);
    }

    public Set<Role> rolesIn(String association) {
        return memberships.getOrDefault(association, Set.of());
    }
}
