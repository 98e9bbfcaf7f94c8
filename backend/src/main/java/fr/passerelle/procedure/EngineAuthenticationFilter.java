package fr.passerelle.procedure;

import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.tenancy.TenancyOrder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every engine call made during a request runs as the caller: their id, their roles in the
 * chosen association as groups, and that association as the only tenant, so the engine's own
 * tenant check hides every other association's instances and tasks.
 */
@Component
@Order(TenancyOrder.AFTER_ASSOCIATION_SELECTION)
class EngineAuthenticationFilter extends OncePerRequestFilter {
    private final IdentityService identity;

    EngineAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = Users.current();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = List.of();
        List<String> tenants = List.of();
        var association = Tenancy.currentSlug();
        if (association.isPresent()) {
            CurrentAssociation current = Tenancy.current();
            groups = current.roles().stream()
                    .map(role -> role.groupName())
                    .sorted()
                    .toList();
            tenants = List.of(current.slug());
        }
        identity.setAuthentication(user.get().id(), groups, tenants);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
