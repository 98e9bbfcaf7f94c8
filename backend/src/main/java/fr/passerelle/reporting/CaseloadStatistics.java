package fr.passerelle.reporting;

import fr.passerelle.audit.Audit;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Role;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.tenancy.TransactionAssociation;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caseload statistics: an association's for its coordinators; the platform's, aggregates
 * only, for platform admins. The platform's are the associations' own figures added up, each
 * association read with its id bound to the transaction, so row-level security holds for every
 * query: the platform path reads no more than the association path does, one association at a
 * time, and only counts and histograms leave the loop (no function with rights above the
 * service's, which row-level security FORCEd on the owner would not grant anyway). The
 * associations are read a few at a time in parallel, each in a read-only transaction of its own
 * on its own connection, with its id bound to that transaction before any query.
 */
@Service
public class CaseloadStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(CaseloadStatistics.class);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final StatisticsQueries queries;
    private final JdbcTemplate jdbc;
    private final TransactionAssociation transactionAssociation;
    private final Clock clock;
    private final Audit audit;
    private final TransactionTemplate readOnly;
    /** Runs the statistics' queries (an association's parts, a platform call's associations); a few
     * threads, well under the connection pool. */
    private final ExecutorService readers;

    CaseloadStatistics(
            StatisticsQueries queries,
            JdbcTemplate jdbc,
            TransactionAssociation transactionAssociation,
            Clock clock,
            Audit audit,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.transactionAssociation = transactionAssociation;
        this.clock = clock;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        int threads = Math.min(4, Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
        this.readers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "statistics");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    /** The current association's statistics: its coordinators only (403 for every other role). */
    @Transactional(readOnly = true)
    public Statistics association(StatisticsFilter filter) {
        CurrentAssociation association = requireCoordinator();
        Instant now = clock.instant();
        // the queries in parallel, each in a transaction of its own with the association bound
        List<Future<CaseloadFigures>> reads = new ArrayList<>();
        for (Consumer<CaseloadFigures> part : queries.parts(filter, now, today(), true)) {
            reads.add(readers.submit(() -> Tenancy.runAs(
                    association,
                    () -> readOnly.execute(status -> {
                        transactionAssociation.bind(association.slug());
                        CaseloadFigures read = new CaseloadFigures();
                        part.accept(read);
                        return read;
                    }))));
        }
        CaseloadFigures figures = new CaseloadFigures();
        for (CaseloadFigures part : collect(reads)) {
            figures.absorb(part);
        }
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
        List<Future<CaseloadFigures>> reads = new ArrayList<>();
        // every query of every association a task of its own, so that the largest association's
        // queries spread over the threads too; each binds its association to its own transaction
        for (String slug : associations) {
            for (Consumer<CaseloadFigures> part : queries.parts(filter, now, today, false)) {
                reads.add(readers.submit(() -> readOnly.execute(status -> {
                    transactionAssociation.bind(slug);
                    CaseloadFigures read = new CaseloadFigures();
                    part.accept(read);
                    return read;
                })));
            }
        }
        CaseloadFigures total = new CaseloadFigures();
        for (CaseloadFigures figures : collect(reads)) {
            total.add(figures);
        }
        LOG.info("Platform statistics for {} ({} associations)", admin.username(), associations.size());
        return Statistics.of("platform", null, now, filter, total, true);
    }

    private static List<CaseloadFigures> collect(List<Future<CaseloadFigures>> reads) {
        List<CaseloadFigures> results = new ArrayList<>();
        try {
            for (Future<CaseloadFigures> read : reads) {
                results.add(read.get());
            }
            return results;
        } catch (InterruptedException e) {
            reads.forEach(read -> read.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Statistics interrupted", e);
        } catch (ExecutionException e) {
            reads.forEach(read -> read.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    static CurrentAssociation requireCoordinator() {
        return Tenancy.current().requireAnyOf(Role.COORDINATOR);
    }
}
