package fr.passerelle.platform;

import java.util.List;

/** A Keycloak user: a member of an association with their roles in it, or a candidate found by a search. */
record MemberView(String userId, String username, String name, String email, Boolean enabled, List<String> roles) {

    static MemberView of(KeycloakAdmin.User user, List<String> roles) {
        String name = ((user.firstName() == null ? "" : user.firstName()) + " "
                        + (user.lastName() == null ? "" : user.lastName()))
                .strip();
        return new MemberView(
                user.id(),
                user.username(),
                name.isEmpty() ? user.username() : name,
                user.email(),
                user.enabled(),
                roles);
    }
}
