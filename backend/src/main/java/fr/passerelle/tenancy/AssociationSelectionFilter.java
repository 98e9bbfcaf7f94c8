package fr.passerelle.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Role;
import fr.passerelle.security.Users;
import fr.passerelle.web.ProblemDocuments;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Chooses the association a request acts for: the one named by {@code X-Association}, which
 * the token must list among the caller's memberships, or the caller's only association.
 * Runs after Spring Security has validated the token.
 */
@Component
@Order(TenancyOrder.ASSOCIATION_SELECTION)
class AssociationSelectionFilter extends OncePerRequestFilter {
    static final String HEADER = "X-Association";
    private final ObjectMapper json;

    AssociationSelectionFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> user = Users.current();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String requested = request.getHeader(HEADER);
        CurrentAssociation association = null;
        if (requested != null && !requested.isBlank()) {
            Set<Role> roles = user.get().rolesIn(requested);
            if (roles.isEmpty()) {
                ProblemDocuments.send(json, request, response, HttpStatus.FORBIDDEN, "not_member_of", requested);
                return;
            }
            association = new CurrentAssociation(requested, roles);
        } else if (user.get().memberships().size() == 1) {
            var only = user.get().memberships().entrySet().iterator().next();
            association = new CurrentAssociation(only.getKey(), only.getValue());
        }
        Tenancy.set(association);
        try {
            chain.doFilter(request, response);
        } finally {
            Tenancy.clear();
        }
    }
}
