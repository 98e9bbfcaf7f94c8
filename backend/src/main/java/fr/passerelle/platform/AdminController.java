package fr.passerelle.platform;

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
@RestController
@RequestMapping("/api/admin")
class AdminController {
    /** As the CHECK of {@code app.associations.slug}: it names the association's Keycloak groups. */
    static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";

    private static final String SLUG_RULE =
            "must be 2 to 63 lowercase letters, digits or hyphens, not starting with a hyphen";
    private static final String NAME = "(?s).*\\S.*";

    private final AssociationAdmin associations;
    private final MemberAdmin members;
    private final PlatformAudit audit;

    AdminController(AssociationAdmin associations, MemberAdmin members, PlatformAudit audit) {
        this.associations = associations;
        this.members = members;
        this.audit = audit;
    }

    record NewAssociation(
            @NotNull @Pattern(regexp = SLUG, message = SLUG_RULE)
            String slug,

            @NotNull @Size(min = 1, max = 200) @Pattern(regexp = NAME, message = "must not be blank")
            String name) {}

    record Rename(
            @NotNull @Size(min = 1, max = 200) @Pattern(regexp = NAME, message = "must not be blank")
            String name) {}

    record Membership(
            @NotNull @Pattern(regexp = "caseworker|coordinator|lawyer", message = "must be one of " + MemberAdmin.ROLES)
            String role) {}

    @GetMapping("/associations")
    List<AssociationView> associations() {
        return associations.list();
    }

    /** {@code {"slug": "accueil-lyon", "name": "Accueil Étrangers Lyon"}}: the row and its Keycloak groups; 409 if the slug is taken. */
    @PostMapping("/associations")
    ResponseEntity<AssociationView> create(@Valid @RequestBody NewAssociation request) {
        AssociationView created =
                associations.create(request.slug(), request.name().strip());
        return ResponseEntity.created(URI.create("/api/admin/associations/" + created.slug()))
                .body(created);
    }

    /** {@code {"name": "..."}}; also recreates whatever Keycloak group of the association is missing. */
    @PutMapping("/associations/{slug}")
    AssociationView rename(@PathVariable String slug, @Valid @RequestBody Rename request) {
        return associations.rename(slug, request.name().strip());
    }

    @GetMapping("/associations/{slug}/members")
    List<MemberView> members(@PathVariable String slug) {
        return members.members(slug);
    }

    /** {@code {"role": "caseworker"}}: the user (Keycloak id) gets that role in the association, with the others they hold. */
    @PutMapping("/associations/{slug}/members/{userId}")
    MemberView addMember(
            @PathVariable String slug, @PathVariable String userId, @Valid @RequestBody Membership membership) {
        return members.add(slug, userId, MemberAdmin.role("role", membership.role()));
    }

    /** Takes the role ({@code ?role=caseworker}) away from the user, or every role in the association without it. */
    @DeleteMapping("/associations/{slug}/members/{userId}")
    ResponseEntity<Void> removeMember(
            @PathVariable String slug, @PathVariable String userId, @RequestParam(required = false) String role) {
        members.remove(slug, userId, role == null ? null : MemberAdmin.role("role", role));
        return ResponseEntity.noContent().build();
    }

    /** Users whose username, name or email contains {@code search}, to add to an association. */
    @GetMapping("/users")
    List<MemberView> users(@RequestParam(required = false) String search, @RequestParam(defaultValue = "20") int max) {
        return members.searchUsers(search, Math.max(1, Math.min(max, 100)));
    }

    /** What platform admins did, newest first, of one association ({@code ?association=}) or all. */
    @GetMapping("/audit")
    List<PlatformAudit.Entry> log(
            @RequestParam(required = false) String association, @RequestParam(defaultValue = "100") int limit) {
        return audit.latest(association, Math.max(1, Math.min(limit, 1000)));
    }
}
