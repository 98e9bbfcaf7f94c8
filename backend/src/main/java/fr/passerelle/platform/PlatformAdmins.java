package fr.passerelle.platform;

import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Users;
import org.springframework.security.access.AccessDeniedException;

/** Platform administration is for the realm role {@code platform-admin} only: 403 for every association role. */
final class PlatformAdmins {
    private PlatformAdmins() {}

    static CurrentUser require() {
        return Users.current()
                .filter(CurrentUser::platformAdmin)
                .orElseThrow(
                        () -> new AccessDeniedException("Only platform admins manage associations and their members"));
    }
}
