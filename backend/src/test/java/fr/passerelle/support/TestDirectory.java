package fr.passerelle.support;

import fr.passerelle.platform.AssociationDirectory;
import fr.passerelle.security.Role;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Primary;

/**
 * The directory of the test identity provider ({@link TestTokens}): the users tokens were made
 * for, with the groups their tokens carry. Tests on the real Keycloak ({@link RealKeycloakTest})
 * use the real directory, read from Keycloak's admin API. Not a component (the application's scan
 * would take it into every context): {@link ApiTest} imports it.
 */
@Primary
public class TestDirectory implements AssociationDirectory {

    @Override
    public Optional<Person> member(String association, String userId) {
        TestTokens.Builder user = userId == null ? null : TestTokens.ISSUED.get(userId);
        if (user == null) {
            return Optional.empty();
        }
        Set<Role> roles = roles(user, association);
        return roles.isEmpty()
                ? Optional.empty()
                : Optional.of(new Person(userId, user.username(), user.username(), roles));
    }

    @Override
    public List<Person> withRole(String association, Role role) {
        return TestTokens.ISSUED.values().stream()
                .filter(user -> roles(user, association).contains(role))
                .map(user -> new Person(user.subject(), user.username(), user.username(), Set.of(role)))
                .sorted(Comparator.comparing(Person::name))
                .toList();
    }

    private static Set<Role> roles(TestTokens.Builder user, String association) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (user.groups().contains("/associations/" + association + "/" + role.groupName())) {
                roles.add(role);
            }
        }
        return roles;
    }
}
