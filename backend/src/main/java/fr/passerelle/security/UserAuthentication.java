package fr.passerelle.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** The authentication of a request carrying a valid token; its principal is the {@link CurrentUser}. */
final class UserAuthentication extends AbstractAuthenticationToken {
    private final Jwt token;
    private final CurrentUser user;

    UserAuthentication(Jwt token, CurrentUser user, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.token = token;
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.id();
    }
}
