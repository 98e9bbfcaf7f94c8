package fr.passerelle.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service code in-process as a signed-in member of one association, as a request would. */
public final class SignedIn {
    private SignedIn() {}

    public static <T> T as(String userId, String association, Set<Role> roles, Supplier<T> work) {
        CurrentUser user =
                new CurrentUser(userId, userId, userId, userId + "@example.org", false, Map.of(association, roles));
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UserAuthentication(null, user, List.of()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
