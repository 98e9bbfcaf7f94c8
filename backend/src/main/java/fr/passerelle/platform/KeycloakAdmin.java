package fr.passerelle.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Every call the service makes to the Keycloak Admin REST API, as the service account of the
 * confidential client {@code passerelle-admin-api} (client credentials; its only permission is
 * realm-management's {@code manage-users}, which covers users, groups and their members).
 * Groups are found by path ({@code /associations/<slug>/<role>}); creating them is idempotent:
 * a group that already exists is reused and completed, never duplicated.
 */
@Component
class KeycloakAdmin {
    static final String PLATFORM_ADMIN_ROLE = "platform-admin";
    private static final String ROOT_GROUP = "associations";
    private static final String DISPLAY_NAME = "displayName";
    private static final int PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(KeycloakAdmin.class);

    record Group(String id, String name, String path, Map<String, List<String>> attributes, List<String> realmRoles) {
        Group {
            attributes = attributes == null ? Map.of() : attributes;
            realmRoles = realmRoles == null ? List.of() : realmRoles;
        }
    }

    /** A user; {@code attributes} only in a full representation ({@link #user}), e.g. {@code locale}. */
    record User(
            String id,
            String username,
            String firstName,
            String lastName,
            String email,
            Boolean enabled,
            Map<String, List<String>> attributes) {
        User {
            attributes = attributes == null ? Map.of() : attributes;
        }
    }

    private record RoleRepresentation(String id, String name) {}

    private record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn) {}

    private record AccessToken(String value, Instant renewAt) {}

    private final KeycloakAdminProperties properties;
    private final RestClient http;
    private final String adminUrl;
    private final String tokenUrl;
    private volatile AccessToken token;

    KeycloakAdmin(
            KeycloakAdminProperties properties,
            @Value("${passerelle.security.issuer}") String issuer,
            ObjectMapper json) {
        this.properties = properties;
        if (properties.configured()) {
            String server = properties.serverUrl(issuer);
            String realm = properties.realmName(issuer);
            this.adminUrl = server + "/admin/realms/" + realm;
            this.tokenUrl = server + "/realms/" + realm + "/protocol/openid-connect/token";
        } else {
            this.adminUrl = null;
            this.tokenUrl = null;
        }
        // Keycloak's representations carry many fields this class does not need.
        ObjectMapper lenient = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
                    converters.add(new MappingJackson2HttpMessageConverter(lenient));
                })
                .build();
    }

    /**
     * Makes sure the groups of an association exist: {@code /associations/<slug>} with its display
     * name, and one subgroup per role carrying the realm role of the same name. Whatever an
     * earlier, interrupted attempt left is reused and completed; members are left as they are.
     */
    void ensureAssociationGroups(String slug, String displayName) {
        Group root = groupByPath("/" + ROOT_GROUP).orElseGet(() -> createGroup(null, ROOT_GROUP));
        Group association = groupByPath(root.path() + "/" + slug).orElseGet(() -> createGroup(root, slug));
        if (!List.of(displayName).equals(association.attributes().get(DISPLAY_NAME))) {
            Map<String, List<String>> attributes = new LinkedHashMap<>(association.attributes());
            attributes.put(DISPLAY_NAME, List.of(displayName));
            call(() -> http.put()
                    .uri(adminUrl + "/groups/{id}", association.id())
                    .headers(this::authorize)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", association.name(), "attributes", attributes))
                    .retrieve()
                    .toBodilessEntity());
        }
        for (Role role : Role.values()) {
            String name = role.groupName();
            Group group = groupByPath(association.path() + "/" + name).orElseGet(() -> createGroup(association, name));
            if (!group.realmRoles().contains(name)) {
                mapRealmRole(group, name);
            }
        }
    }

    /** The group at a path such as {@code /associations/accueil-lyon/caseworker}, if it exists. */
    Optional<Group> groupByPath(String path) {
        return call(() -> {
            try {
                return Optional.ofNullable(http.get()
                        .uri(adminUrl + "/group-by-path" + path)
                        .headers(this::authorize)
                        .retrieve()
                        .body(Group.class));
            } catch (HttpClientErrorException.NotFound e) {
                return Optional.empty();
            }
        });
    }

    /** Every member of a group (directly in it, not in its subgroups). */
    List<User> members(Group group) {
        List<User> members = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            int from = first;
            List<User> page = call(() -> http.get()
                    .uri(
                            adminUrl + "/groups/{id}/members?briefRepresentation=true&first={first}&max={max}",
                            group.id(),
                            from,
                            PAGE)
                    .headers(this::authorize)
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<User>>() {}));
            members.addAll(page == null ? List.of() : page);
            if (page == null || page.size() < PAGE) {
                return members;
            }
        }
    }

    Optional<User> user(String id) {
        return call(() -> {
            try {
                return Optional.ofNullable(http.get()
                        .uri(adminUrl + "/users/{id}", id)
                        .headers(this::authorize)
                        .retrieve()
                        .body(User.class));
            } catch (HttpClientErrorException.NotFound e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Users whose username, first or last name or email contains the text (all users when it is
     * blank). Keycloak matches prefixes unless asked for {@code *text*}; its own wildcards and
     * quotes in the text are dropped.
     */
    List<User> searchUsers(String text, int max) {
        String plain = text == null ? "" : text.replaceAll("[*\"]", "").strip();
        String uri = plain.isEmpty()
                ? adminUrl + "/users?briefRepresentation=true&first=0&max={max}"
                : adminUrl + "/users?briefRepresentation=true&first=0&max={max}&search={search}";
        return call(() -> http.get()
                .uri(uri, max, "*" + plain + "*")
                .headers(this::authorize)
                .retrieve()
                .body(new ParameterizedTypeReference<List<User>>() {}));
    }

    /** The paths of the groups a user is directly in. */
    List<String> groupsOf(String userId) {
        List<String> paths = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            int from = first;
            List<Group> page = call(() -> http.get()
                    .uri(
                            adminUrl + "/users/{id}/groups?briefRepresentation=true&first={first}&max={max}",
                            userId,
                            from,
                            PAGE)
                    .headers(this::authorize)
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<Group>>() {}));
            (page == null ? List.<Group>of() : page).forEach(group -> paths.add(group.path()));
            if (page == null || page.size() < PAGE) {
                return paths;
            }
        }
    }

    /** Whether the user holds the realm role {@code platform-admin}, directly, by a group or by a composite. */
    boolean isPlatformAdmin(String userId) {
        List<RoleRepresentation> roles = call(() -> http.get()
                .uri(adminUrl + "/users/{id}/role-mappings/realm/composite", userId)
                .headers(this::authorize)
                .retrieve()
                .body(new ParameterizedTypeReference<List<RoleRepresentation>>() {}));
        return roles != null && roles.stream().anyMatch(role -> PLATFORM_ADMIN_ROLE.equals(role.name()));
    }

    /** Puts a user in a group; nothing changes if they already are. */
    void join(String userId, Group group) {
        call(() -> http.put()
                .uri(adminUrl + "/users/{user}/groups/{group}", userId, group.id())
                .headers(this::authorize)
                .retrieve()
                .toBodilessEntity());
    }

    /** Takes a user out of a group; nothing changes if they are not in it. */
    void leave(String userId, Group group) {
        call(() -> http.delete()
                .uri(adminUrl + "/users/{user}/groups/{group}", userId, group.id())
                .headers(this::authorize)
                .retrieve()
                .toBodilessEntity());
    }

    /** A group under a parent (at the top when the parent is null); one made meanwhile by someone else is reused. */
    private Group createGroup(Group parent, String name) {
        String uri = parent == null ? adminUrl + "/groups" : adminUrl + "/groups/" + parent.id() + "/children";
        String path = (parent == null ? "" : parent.path()) + "/" + name;
        try {
            call(() -> http.post()
                    .uri(uri)
                    .headers(this::authorize)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", name))
                    .retrieve()
                    .toBodilessEntity());
        } catch (KeycloakException e) {
            if (e.keycloakStatus() != HttpStatus.CONFLICT) {
                throw e;
            }
        }
        return groupByPath(path).orElseThrow(() -> new KeycloakException("keycloak_group_vanished", null, null, path));
    }

    /** Gives a group a realm role (Keycloak wants the role's id, read from the roles it may map). */
    private void mapRealmRole(Group group, String roleName) {
        List<RoleRepresentation> available = call(() -> http.get()
                .uri(adminUrl + "/groups/{id}/role-mappings/realm/available", group.id())
                .headers(this::authorize)
                .retrieve()
                .body(new ParameterizedTypeReference<List<RoleRepresentation>>() {}));
        RoleRepresentation role = (available == null ? List.<RoleRepresentation>of() : available)
                .stream()
                        .filter(candidate -> roleName.equals(candidate.name()))
                        .findFirst()
                        .orElseThrow(() ->
                                new KeycloakException("keycloak_role_missing", null, null, roleName, group.path()));
        call(() -> http.post()
                .uri(adminUrl + "/groups/{id}/role-mappings/realm", group.id())
                .headers(this::authorize)
                .contentType(MediaType.APPLICATION_JSON)
                .body(List.of(role))
                .retrieve()
                .toBodilessEntity());
    }

    private void authorize(org.springframework.http.HttpHeaders headers) {
        headers.setBearerAuth(accessToken());
    }

    /**
     * Runs a call; an access token Keycloak no longer accepts is renewed and the call made once
     * more; any other failure becomes a {@link KeycloakException} (502), the cause logged.
     */
    private <T> T call(Supplier<T> request) {
        if (!properties.configured()) {
            throw KeycloakException.notConfigured();
        }
        try {
            try {
                return request.get();
            } catch (HttpClientErrorException.Unauthorized e) {
                token = null;
                return request.get();
            }
        } catch (HttpStatusCodeException e) {
            log.warn("Keycloak answered {}: {}", e.getStatusCode(), e.getResponseBodyAsString());
            HttpStatus answered = HttpStatus.resolve(e.getStatusCode().value());
            throw e.getStatusCode().value() == 403
                    ? new KeycloakException("keycloak_account_refused", answered, e)
                    : new KeycloakException(
                            "keycloak_answered",
                            answered,
                            e,
                            String.valueOf(e.getStatusCode().value()));
        } catch (ResourceAccessException e) {
            log.warn("Keycloak did not answer: {}", e.toString());
            throw new KeycloakException("keycloak_no_answer", null, e);
        } catch (RestClientException e) {
            log.warn("Keycloak call failed", e);
            throw new KeycloakException("keycloak_unreadable", null, e);
        }
    }

    /** The service account's access token, renewed 30 s before it expires. */
    private String accessToken() {
        AccessToken current = token;
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return current.value();
        }
        synchronized (this) {
            if (token == null || !Instant.now().isBefore(token.renewAt())) {
                var form = new LinkedMultiValueMap<String, String>();
                form.add("grant_type", "client_credentials");
                form.add("client_id", properties.clientId());
                form.add("client_secret", properties.clientSecret());
                TokenResponse response;
                try {
                    response = http.post()
                            .uri(URI.create(tokenUrl))
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .body(form)
                            .retrieve()
                            .body(TokenResponse.class);
                } catch (HttpClientErrorException e) {
                    log.error(
                            "Keycloak refused the client credentials of {}: {} {}",
                            properties.clientId(),
                            e.getStatusCode(),
                            e.getResponseBodyAsString());
                    throw new KeycloakException("keycloak_client_refused", null, e, properties.clientId());
                }
                if (response == null || response.accessToken() == null) {
                    throw new KeycloakException("keycloak_no_token", null, null, properties.clientId());
                }
                token = new AccessToken(
                        response.accessToken(), Instant.now().plusSeconds(Math.max(0, response.expiresIn() - 30)));
            }
            return token.value();
        }
    }
}
