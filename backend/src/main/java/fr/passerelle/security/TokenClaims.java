package fr.passerelle.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a validated Keycloak access token: memberships come from the full group paths
 * {@code /associations/<slug>/<role>} (claim {@code groups}); the platform admin is the
 * realm role {@code platform-admin} (claim {@code realm_access.roles}).
 */
final class TokenClaims implements Converter<Jwt, AbstractAuthenticationToken> {
    static final String PLATFORM_ADMIN_ROLE = "platform-admin";
    private static final String GROUP_PREFIX = "/associations/";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        CurrentUser user = toUser(jwt);
        var authorities = new ArrayList<SimpleGrantedAuthority>();
        if (user.platformAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"));
        }
        return new UserAuthentication(jwt, user, authorities);
    }

    static CurrentUser toUser(Jwt jwt) {
        Map<String, Set<Role>> memberships = new HashMap<>();
        for (String path : stringList(jwt.getClaim("groups"))) {
            if (!path.startsWith(GROUP_PREFIX)) {
                continue;
            }
            String[] parts = path.substring(GROUP_PREFIX.length()).split("/");
            if (parts.length != 2) {
                continue;
            }
            Role.fromGroupName(parts[1])
                    .ifPresent(role -> memberships
                            .computeIfAbsent(parts[0], slug -> EnumSet.noneOf(Role.class))
                            .add(role));
        }
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        boolean admin =
                realmAccess != null && stringList(realmAccess.get("roles")).contains(PLATFORM_ADMIN_ROLE);
        String username = jwt.getClaimAsString("preferred_username");
        String name = jwt.getClaimAsString("name");
        return new CurrentUser(
                jwt.getSubject(),
                username,
                name != null ? name : username,
                jwt.getClaimAsString("email"),
                admin,
                memberships);
    }

    private static List<String> stringList(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
