package fr.passerelle.reporting;

import fr.passerelle.audit.Audit;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Role;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caseload statistics: an association's for its coordinators; the platform's, aggregates
 * only, for platform admins. The platform's are the associations' own figures added up, each
 * association read with its id bound to the transaction, so row-level security holds for every
 * query: the platform path reads no more than the association path does, one association at a
 * time, and only counts and histograms leave the loop (no function with rights above the
 * service's, which row-level security FORCEd on the owner would not grant anyway).
 * <p>A call reads on its request's one connection, one query after the other: a request that
 * waited for other connections while holding its own could, with enough such requests at once,
 * hold every connection of the pool and wait for ever.
 */
@Service
public class CaseloadStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(CaseloadStatistics.class);
    private final StatisticsQueries queries;
    private final JdbcTemplate jdbc;
    private final AssociationScope scope;
    private final Clock clock;
    private final Audit audit;

    CaseloadStatistics(StatisticsQueries queries, JdbcTemplate jdbc, AssociationScope scope, Clock clock, Audit audit) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
        this.audit = audit;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(AssociationTime.ZONE));
    }

    /** The current association's statistics: its coordinators only (403 for every other role). */
    @Transactional
    public Statistics association(StatisticsFilter filter) {
        CurrentAssociation association = requireCoordinator();
        Instant now = clock.instant();
        CaseloadFigures figures = queries.figures(filter, now, today(), true);
        Statistics statistics = Statistics.of("association", association.slug(), now, filter, figures, false);
        audit.read(null, "caseload statistics " + filter.from() + " to " + filter.to());
        return statistics;
    }

    /** Figures of the current association, for the export (the caller checked the role). */
    CaseloadFigures figures(StatisticsFilter filter, Instant now) {
        return queries.figures(filter, now, today(), true);
    }

    @Transactional(readOnly = true)
    public Statistics platform(StatisticsFilter filter) {
        CurrentUser admin = Users.current()
                .filter(CurrentUser::platformAdmin)
                .orElseThrow(() -> new AccessDeniedException("Only platform admins see the platform's statistics"));
        Instant now = clock.instant();
        LocalDate today = today();
        List<String> associations = jdbc.queryForList("SELECT slug FROM app.associations ORDER BY slug", String.class);
        CaseloadFigures total = new CaseloadFigures();
        // one association after the other on this transaction's connection, each bound before its queries
        for (String slug : associations) {
            scope.run(slug, () -> total.add(queries.figures(filter, now, today, false)));
        }
        LOG.info("Platform statistics for {} ({} associations)", admin.username(), associations.size());
        return Statistics.of("platform", null, now, filter, total, true);
    }

    static CurrentAssociation requireCoordinator() {
        return Tenancy.current().requireAnyOf(Role.COORDINATOR);
    }
}
