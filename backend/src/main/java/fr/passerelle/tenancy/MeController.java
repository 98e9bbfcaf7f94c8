package fr.passerelle.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Role;
import fr.passerelle.security.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Session")
@RestController
class MeController {
    private final AssociationRepository associations;

    MeController(AssociationRepository associations) {
        this.associations = associations;
    }

    record Membership(String slug, String name, List<String> roles) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Me(
            String userId,
            String username,
            String name,
            String email,
            boolean platformAdmin,
            List<Membership> associations,
            String currentAssociation) {}

    /** Who the caller is, the associations the token lists (those that exist here), and the one chosen. */
    @Operation(
            operationId = "me",
            summary = "Who the caller is",
            description =
                    "The caller, their associations and roles (from the token), and the one chosen (X-Association).")
    @GetMapping("/api/me")
    @Transactional(readOnly = true)
    Me me() {
        CurrentUser user = Users.current().orElseThrow();
        Map<String, Association> known = associations
                .findAllById(user.memberships().keySet())
                .stream()
                .collect(Collectors.toMap(Association::slug, Function.identity()));
        List<Membership> memberships = user.memberships().entrySet().stream()
                .filter(entry -> known.containsKey(entry.getKey()))
                .map(entry -> new Membership(
                        entry.getKey(),
                        known.get(entry.getKey()).name(),
                        entry.getValue().stream().sorted().map(Role::groupName).toList()))
                .sorted(Comparator.comparing(Membership::name))
                .toList();
        return new Me(
                user.id(),
                user.username(),
                user.name(),
                user.email(),
                user.platformAdmin(),
                memberships,
                Tenancy.currentSlug().orElse(null));
    }
}
