package fr.passerelle.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Platform administration (platform admins only): associations, their members, the users to add, the log. */
@Tag(name = "Platform administration")
@RestController
@RequestMapping("/api/admin")
class AdminController {
    /** As the CHECK of {@code app.associations.slug}: it names the association's Keycloak groups. */
    static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";

    /** Some text that is not only blanks, in a pattern both Java and ECMAScript (the API description) read. */
    private static final String NAME = "[\\s\\S]*\\S[\\s\\S]*";

    private final AssociationAdmin associations;
    private final MemberAdmin members;
    private final PlatformAudit audit;

    AdminController(AssociationAdmin associations, MemberAdmin members, PlatformAudit audit) {
        this.associations = associations;
        this.members = members;
        this.audit = audit;
    }

    record NewAssociation(
            @NotNull @Pattern(regexp = SLUG, message = "{passerelle.slug}")
            String slug,

            @NotNull @Size(min = 1, max = 200) @Pattern(regexp = NAME, message = "{passerelle.notBlank}")
            String name) {}

    record Rename(
            @NotNull @Size(min = 1, max = 200) @Pattern(regexp = NAME, message = "{passerelle.notBlank}")
            String name) {}

    record Membership(
            @NotNull @Pattern(regexp = "caseworker|coordinator|lawyer", message = "{passerelle.role}")
            String role) {}

    @Operation(
            operationId = "listAssociations",
            summary = "List associations",
            description = "Every association of the platform.")
    @GetMapping("/associations")
    List<AssociationView> associations() {
        return associations.list();
    }

    /** {@code {"slug": "accueil-lyon", "name": "Accueil Étrangers Lyon"}}: the row and its Keycloak groups; 409 if the slug is taken. */
    @Operation(
            operationId = "createAssociation",
            summary = "Create an association",
            description = "The row and its Keycloak groups; 409 if the slug is taken.")
    @PostMapping("/associations")
    ResponseEntity<AssociationView> create(@Valid @RequestBody NewAssociation request) {
        AssociationView created =
                associations.create(request.slug(), request.name().strip());
        return ResponseEntity.created(URI.create("/api/admin/associations/" + created.slug()))
                .body(created);
    }

    /** {@code {"name": "..."}}; also recreates whatever Keycloak group of the association is missing. */
    @Operation(
            operationId = "renameAssociation",
            summary = "Rename an association",
            description = "Also recreates whatever Keycloak group of the association is missing.")
    @PutMapping("/associations/{slug}")
    AssociationView rename(@PathVariable String slug, @Valid @RequestBody Rename request) {
        return associations.rename(slug, request.name().strip());
    }

    @Operation(
            operationId = "listAssociationMembers",
            summary = "List an association's members",
            description = "From Keycloak, with their roles in the association.")
    @GetMapping("/associations/{slug}/members")
    List<MemberView> members(@PathVariable String slug) {
        return members.members(slug);
    }

    /** {@code {"role": "caseworker"}}: the user (Keycloak id) gets that role in the association, with the others they hold. */
    @Operation(
            operationId = "giveRole",
            summary = "Give a member a role",
            description =
                    "{\"role\": \"caseworker\"}: the user gets that role in the association, with the others they hold.")
    @PutMapping("/associations/{slug}/members/{userId}")
    MemberView addMember(
            @PathVariable String slug, @PathVariable String userId, @Valid @RequestBody Membership membership) {
        return members.add(slug, userId, MemberAdmin.role("role", membership.role()));
    }

    /** Takes the role ({@code ?role=caseworker}) away from the user, or every role in the association without it. */
    @Operation(
            operationId = "takeRole",
            summary = "Take a member's role away",
            description = "The role given (?role=caseworker), or every role in the association without it.")
    @DeleteMapping("/associations/{slug}/members/{userId}")
    ResponseEntity<Void> removeMember(
            @PathVariable String slug, @PathVariable String userId, @RequestParam(required = false) String role) {
        members.remove(slug, userId, role == null ? null : MemberAdmin.role("role", role));
        return ResponseEntity.noContent().build();
    }

    /** Users whose username, name or email contains {@code search}, to add to an association. */
    @Operation(
            operationId = "searchUsers",
            summary = "Search users",
            description = "Users whose username, name or e-mail contains search, to add to an association.")
    @GetMapping("/users")
    List<MemberView> users(@RequestParam(required = false) String search, @RequestParam(defaultValue = "20") int max) {
        return members.searchUsers(search, Math.max(1, Math.min(max, 100)));
    }

    /** What platform admins did, newest first, of one association ({@code ?association=}) or all. */
    @Operation(
            operationId = "platformLog",
            summary = "Read the platform's log",
            description = "What platform admins did, newest first, in one association (?association=) or all.")
    @GetMapping("/audit")
    List<PlatformAudit.Entry> log(
            @RequestParam(required = false) String association, @RequestParam(defaultValue = "100") int limit) {
        return audit.latest(association, Math.max(1, Math.min(limit, 1000)));
    }
}
