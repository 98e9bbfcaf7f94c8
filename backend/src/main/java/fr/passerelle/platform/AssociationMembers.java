package fr.passerelle.platform;

import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.security.Role;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members of the caller's association, for a coordinator who hands a task or a case to one
 * of them: read from the association's Keycloak groups (where memberships live), never another
 * association's. Ids and names only: what a picker shows.
 */
@Tag(name = "Association")
@RestController
class AssociationMembers {
    private final KeycloakAdmin keycloak;

    AssociationMembers(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
    }

    record Member(String userId, String username, String name, List<String> roles) {}

    @Operation(
            operationId = "listMembers",
            summary = "List the association's members",
            description = "Its caseworkers, coordinators and lawyers, to assign cases and tasks to.")
    @GetMapping("/api/association/members")
    List<Member> members() {
        CurrentAssociation association = Tenancy.current().requireAnyOf(COORDINATOR);
        Map<String, KeycloakAdmin.User> users = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            keycloak.groupByPath("/associations/" + association.slug() + "/" + role.groupName())
                    .ifPresent(group -> keycloak.members(group).forEach(user -> {
                        users.putIfAbsent(user.id(), user);
                        roles.computeIfAbsent(user.id(), id -> EnumSet.noneOf(Role.class))
                                .add(role);
                    }));
        }
        return users.values().stream()
                .filter(user -> !Boolean.FALSE.equals(user.enabled()))
                .map(user -> {
                    MemberView view = MemberView.of(user, null);
                    return new Member(
                            user.id(),
                            user.username(),
                            view.name(),
                            roles.get(user.id()).stream()
                                    .sorted()
                                    .map(Role::groupName)
                                    .toList());
                })
                .sorted(Comparator.comparing(Member::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
