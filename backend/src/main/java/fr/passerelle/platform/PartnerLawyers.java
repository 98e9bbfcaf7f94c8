package fr.passerelle.platform;

import static fr.passerelle.security.Role.COORDINATOR;
import static fr.passerelle.security.Role.LAWYER;

import fr.passerelle.audit.Audit;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A coordinator manages the association's partner lawyers: the members of its Keycloak group
 * {@code /associations/<slug>/lawyer}, to whom appeals are offered (a lawyer may work with several
 * associations: each one's coordinator adds them). A lawyer is added by the exact e-mail or
 * username of their Passerelle account (no browsing of the platform's users), never a platform
 * admin. Each change is written to the association's audit log, Keycloak's call last. The list
 * is {@code GET /api/association/lawyers} (appeals).
 */
@Tag(name = "Association")
@RestController
class PartnerLawyers {
    private final KeycloakAdmin keycloak;
    private final Audit audit;

    PartnerLawyers(KeycloakAdmin keycloak, Audit audit) {
        this.keycloak = keycloak;
        this.audit = audit;
    }

    record AddLawyer(@Size(max = 254) String email) {}

    @Operation(
            operationId = "addPartnerLawyer",
            summary = "Add a partner lawyer",
            description =
                    "Coordinators only: an existing Passerelle account (e-mail or username) joins the association's lawyers.")
    @PostMapping("/api/association/lawyers")
    @Transactional
    ResponseEntity<AssociationDirectory.Person> add(@Valid @RequestBody AddLawyer request) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(COORDINATOR);
        String wanted = request.email() == null ? "" : request.email().strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            throw AdminProblem.invalid(
                    "email",
                    "lawyer_account_required",
                    "give the e-mail (or username) of the lawyer's Passerelle account");
        }
        List<KeycloakAdmin.User> found = keycloak.searchUsers(wanted, 20).stream()
                .filter(user -> wanted.equalsIgnoreCase(user.email()) || wanted.equalsIgnoreCase(user.username()))
                .toList();
        if (found.size() != 1) {
            throw AdminProblem.notFound(
                    "email",
                    "no_account",
                    "no Passerelle account has this e-mail or username: the platform" + " admin creates accounts");
        }
        KeycloakAdmin.User user = found.get(0);
        if (keycloak.isPlatformAdmin(user.id())) {
            throw AdminProblem.unprocessable(
                    "email", "platform_admin_not_member", "a platform admin cannot be a member of an association");
        }
        String path = "/associations/" + association.slug() + "/" + LAWYER.groupName();
        KeycloakAdmin.Group group = keycloak.groupByPath(path)
                .orElseThrow(() -> AdminProblem.conflict(
                        "email", "keycloak_group_missing", "the Keycloak group {0} is missing", path));
        if (!keycloak.groupsOf(user.id()).contains(path)) {
            audit.changed(
                    null, "PARTNER_LAWYER_ADDED", MemberView.of(user, null).name() + " (" + user.id() + ")");
            keycloak.join(user.id(), group);
        }
        return ResponseEntity.status(201)
                .body(new AssociationDirectory.Person(
                        user.id(), user.username(), MemberView.of(user, null).name(), java.util.Set.of(LAWYER)));
    }

    @Operation(
            operationId = "removePartnerLawyer",
            summary = "Remove a partner lawyer",
            description = "Coordinators only: the lawyer leaves the association's lawyers.")
    @DeleteMapping("/api/association/lawyers/{userId}")
    @Transactional
    ResponseEntity<Void> remove(@PathVariable String userId) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(COORDINATOR);
        String path = "/associations/" + association.slug() + "/" + LAWYER.groupName();
        KeycloakAdmin.User user = (userId.matches("[A-Za-z0-9-]{1,100}")
                        ? keycloak.user(userId)
                        : java.util.Optional.<KeycloakAdmin.User>empty())
                .filter(found -> keycloak.groupsOf(found.id()).contains(path))
                .orElseThrow(() -> AdminProblem.notFound(
                        "userId", "not_a_lawyer", "{0} is not a lawyer of the association", userId));
        audit.changed(null, "PARTNER_LAWYER_REMOVED", MemberView.of(user, null).name() + " (" + user.id() + ")");
        keycloak.leave(user.id(), keycloak.groupByPath(path).orElseThrow());
        return ResponseEntity.noContent().build();
    }
}
