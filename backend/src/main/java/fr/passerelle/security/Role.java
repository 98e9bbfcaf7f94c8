package fr.passerelle.security;

import java.util.Locale;
import java.util.Optional;

/** A member's role in one association, as named in the Keycloak group path {@code /associations/<slug>/<role>}. */
public enum Role {
    CASEWORKER,
    COORDINATOR,
    LAWYER;

    /** The name used in group paths, in the engine's candidate groups and in the API. */
    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> fromGroupName(String name) {
        for (Role role : values()) {
            if (role.groupName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
