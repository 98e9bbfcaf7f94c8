package fr.passerelle.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, when it carried a valid token. */
public final class Users {
    private Users() {}

    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof UserAuthentication user) {
            return Optional.of(user.getPrincipal());
        }
        return Optional.empty();
    }
}
