package fr.passerelle.platform;

import fr.passerelle.security.Role;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@link AssociationDirectory} read from Keycloak through the admin client (503 while it is not configured). */
@Component
class KeycloakDirectory implements AssociationDirectory {
    private final KeycloakAdmin keycloak;

    KeycloakDirectory(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Optional<Person> member(String association, String userId) {
        if (userId == null || userId.isBlank() || userId.length() > 100 || !userId.matches("[A-Za-z0-9-]+")) {
            return Optional.empty();
        }
        Optional<KeycloakAdmin.User> user = keycloak.user(userId);
        if (user.isEmpty() || Boolean.FALSE.equals(user.get().enabled())) {
            return Optional.empty();
        }
        String prefix = "/associations/" + association + "/";
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String path : keycloak.groupsOf(userId)) {
            for (Role role : Role.values()) {
                if (path.equals(prefix + role.groupName())) {
                    roles.add(role);
                }
            }
        }
        return roles.isEmpty() ? Optional.empty() : Optional.of(person(user.get(), roles));
    }

    @Override
    public List<Person> withRole(String association, Role role) {
        return keycloak.groupByPath("/associations/" + association + "/" + role.groupName())
                .map(group -> keycloak.members(group).stream()
                        .filter(user -> !Boolean.FALSE.equals(user.enabled()))
                        .map(user -> person(user, Set.of(role)))
                        .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
                        .toList())
                .orElse(List.of());
    }

    private static Person person(KeycloakAdmin.User user, Set<Role> roles) {
        return new Person(user.id(), user.username(), MemberView.of(user, null).name(), Set.copyOf(roles));
    }
}
