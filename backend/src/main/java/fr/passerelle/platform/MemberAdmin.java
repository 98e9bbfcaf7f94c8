package fr.passerelle.platform;

import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Role;
import fr.passerelle.tenancy.AssociationRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform admins give users a role in an association, or take it away: membership of the
 * Keycloak group {@code /associations/<slug>/<role>}, which the user's next token lists. Each
 * change is logged in the transaction that makes it, Keycloak's call last, so a change Keycloak
 * refuses leaves no entry. A platform admin's own account (any holder of {@code platform-admin})
 * cannot be made a member: platform admins never read case contents.
 */
@Service
class MemberAdmin {
    static final String ROLES = "caseworker, coordinator, lawyer";
    private final AssociationRepository associations;
    private final KeycloakAdmin keycloak;
    private final PlatformAudit audit;

    MemberAdmin(AssociationRepository associations, KeycloakAdmin keycloak, PlatformAudit audit) {
        this.associations = associations;
        this.keycloak = keycloak;
        this.audit = audit;
    }

    /** The role named in the API ({@code caseworker}, ...), or 400 naming the field. */
    static Role role(String field, String name) {
        for (Role role : Role.values()) {
            if (role.groupName().equals(name)) {
                return role;
            }
        }
        throw AdminProblem.invalid(field, "not_choice", "must be one of {0}", ROLES);
    }

    /** The association's members with their roles, by username. */
    List<MemberView> members(String slug) {
        PlatformAdmins.require();
        requireAssociation(slug);
        Map<String, KeycloakAdmin.User> users = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            keycloak.groupByPath(path(slug, role))
                    .ifPresent(group -> keycloak.members(group).forEach(user -> {
                        users.putIfAbsent(user.id(), user);
                        roles.computeIfAbsent(user.id(), id -> EnumSet.noneOf(Role.class))
                                .add(role);
                    }));
        }
        return users.values().stream()
                .map(user -> MemberView.of(user, names(roles.get(user.id()))))
                .sorted(Comparator.comparing(MemberView::username))
                .toList();
    }

    /** Gives a user a role in the association; giving one they hold changes nothing. */
    @Transactional
    MemberView add(String slug, String userId, Role role) {
        CurrentUser admin = PlatformAdmins.require();
        requireAssociation(slug);
        KeycloakAdmin.User user = requireUser(userId);
        if (keycloak.isPlatformAdmin(userId)) {
            throw AdminProblem.unprocessable(
                    "userId",
                    "platform_admin_not_member",
                    "a platform admin cannot be a member of an association:"
                            + " platform admins never read case contents");
        }
        KeycloakAdmin.Group group = roleGroup(slug, role);
        Set<Role> held = rolesIn(slug, userId);
        if (held.add(role)) {
            audit.record(admin, slug, "MEMBER_ADDED", userId, user.username() + " as " + role.groupName());
            keycloak.join(userId, group);
        }
        return MemberView.of(user, names(held));
    }

    /** Takes a role away from a user, or every role they hold in the association when none is named. */
    @Transactional
    void remove(String slug, String userId, Role role) {
        CurrentUser admin = PlatformAdmins.require();
        requireAssociation(slug);
        KeycloakAdmin.User user = requireUser(userId);
        for (Role held : rolesIn(slug, userId)) {
            if (role == null || role == held) {
                audit.record(admin, slug, "MEMBER_REMOVED", userId, user.username() + " as " + held.groupName());
                keycloak.leave(userId, roleGroup(slug, held));
            }
        }
    }

    /** Users to add: those whose username, name or email contains the text. */
    List<MemberView> searchUsers(String text, int max) {
        PlatformAdmins.require();
        return keycloak.searchUsers(text, max).stream()
                .map(user -> MemberView.of(user, null))
                .toList();
    }

    private void requireAssociation(String slug) {
        if (!associations.existsById(slug)) {
            throw AdminProblem.notFound("slug", "association_not_found", "no association {0}", slug);
        }
    }

    private KeycloakAdmin.User requireUser(String userId) {
        return keycloak.user(userId)
                .orElseThrow(() -> AdminProblem.notFound("userId", "user_not_found", "no user {0}", userId));
    }

    private KeycloakAdmin.Group roleGroup(String slug, Role role) {
        return keycloak.groupByPath(path(slug, role))
                .orElseThrow(() -> AdminProblem.conflict(
                        "slug",
                        "keycloak_group_lost",
                        "the Keycloak group {0} is missing: PUT /api/admin/associations/{1} recreates the association''s groups",
                        path(slug, role),
                        slug));
    }

    private Set<Role> rolesIn(String slug, String userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String prefix = "/associations/" + slug + "/";
        for (String path : keycloak.groupsOf(userId)) {
            if (path != null && path.startsWith(prefix)) {
                String name = path.substring(prefix.length());
                for (Role role : Role.values()) {
                    if (role.groupName().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    private static String path(String slug, Role role) {
        return "/associations/" + slug + "/" + role.groupName();
    }

    private static List<String> names(Set<Role> roles) {
        List<String> names = new ArrayList<>();
        roles.stream().sorted().forEach(role -> names.add(role.groupName()));
        return names;
    }
}
