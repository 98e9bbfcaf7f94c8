package fr.passerelle.platform;

import fr.passerelle.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * How to reach an association's members, read from Keycloak (where memberships, e-mail addresses
 * and the chosen language live): for the alerts' reminders and calendar feeds. A disabled user,
 * or one without an e-mail address, is not reachable.
 */
@Service
public class MemberDirectory {
    private final KeycloakAdmin keycloak;

    MemberDirectory(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
    }

    /** A member who can be written to; {@code locale} from their Keycloak {@code locale} attribute (French by default). */
    public record Contact(String userId, String name, String email, Locale locale) {}

    public Optional<Contact> contact(String userId) {
        return keycloak.user(userId)
                .filter(user -> !Boolean.FALSE.equals(user.enabled()))
                .filter(user -> user.email() != null && !user.email().isBlank())
                .map(MemberDirectory::contactOf);
    }

    /** The reachable members holding a role (its group name: caseworker, coordinator, lawyer) in the association. */
    public List<Contact> members(String association, String role) {
        Map<String, Contact> contacts = new LinkedHashMap<>();
        keycloak.groupByPath("/associations/" + association + "/" + role)
                .ifPresent(group -> keycloak.members(group)
                        .forEach(member -> contact(member.id())
                                .ifPresent(contact -> contacts.putIfAbsent(contact.userId(), contact))));
        return new ArrayList<>(contacts.values());
    }

    /** The user's roles in the association now (none once they left it, or are disabled). */
    public List<Role> rolesIn(String association, String userId) {
        Optional<KeycloakAdmin.User> user = keycloak.user(userId);
        if (user.isEmpty() || Boolean.FALSE.equals(user.get().enabled())) {
            return List.of();
        }
        String prefix = "/associations/" + association + "/";
        return keycloak.groupsOf(userId).stream()
                .filter(path -> path.startsWith(prefix))
                .map(path -> path.substring(prefix.length()))
                .flatMap(name -> java.util.Arrays.stream(Role.values())
                        .filter(r -> r.groupName().equals(name)))
                .distinct()
                .sorted()
                .toList();
    }

    private static Contact contactOf(KeycloakAdmin.User user) {
        String first = user.firstName() == null ? "" : user.firstName();
        String last = user.lastName() == null ? "" : user.lastName();
        String name = (first + " " + last).strip();
        List<String> locale = user.attributes().get("locale");
        Locale language = locale != null
                        && !locale.isEmpty()
                        && locale.get(0).toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.FRENCH;
        return new Contact(user.id(), name.isEmpty() ? user.username() : name, user.email(), language);
    }
}
