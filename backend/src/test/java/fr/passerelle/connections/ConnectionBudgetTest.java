package fr.passerelle.connections;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * No request takes a second connection while it holds one, and background work cannot take the
 * requests' connections: with the tests' pool of 8, many more concurrent requests than
 * connections all answer, also while background work holds every connection of its own pool.
 * (A request waiting for a second connection from a pool whose every connection is held by
 * requests doing the same waits until the pool's timeout and answers 500.)
 */
@ApiTest
class ConnectionBudgetTest {
    private static final int CONCURRENT = 24;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    private List<Integer> concurrently(int calls, String path) throws Exception {
        Associations.ensure(jdbc, ALPHA);
        Api coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        ExecutorService clients = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return coordinator.get(path).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(2, TimeUnit.MINUTES));
            }
            return statuses;
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void manyMoreConcurrentStatisticsCallsThanConnectionsAllAnswer() throws Exception {
        assertThat(concurrently(CONCURRENT, "/api/statistics")).containsOnly(200);
    }

    @Test
    void manyMoreConcurrentAuditedReadsThanConnectionsAllAnswer() throws Exception {
        // the case list writes a read entry in the audit log
        assertThat(concurrently(CONCURRENT, "/api/cases")).containsOnly(200);
    }

    @Test
    void requestsAnswerWhileBackgroundWorkHoldsEveryConnectionOfItsPool() throws Exception {
        HikariDataSource background = (HikariDataSource)
                dataSource.unwrap(ThreadRoutingDataSource.class).background();
        int size = background.getMaximumPoolSize();
        ExecutorService workers =
                Executors.newFixedThreadPool(size, BackgroundWork.marking(Executors.defaultThreadFactory()));
        CountDownLatch held = new CountDownLatch(size);
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < size; i++) {
                workers.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        held.countDown();
                        release.await();
                    } catch (SQLException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
            }
            assertThat(held.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(background.getHikariPoolMXBean().getActiveConnections()).isEqualTo(size);
            assertThat(concurrently(CONCURRENT, "/api/statistics")).containsOnly(200);
        } finally {
            release.countDown();
            workers.shutdown();
            workers.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void backgroundWorkTakesItsConnectionsFromItsOwnPool() throws Exception {
        HikariDataSource background = (HikariDataSource)
                dataSource.unwrap(ThreadRoutingDataSource.class).background();
        HikariDataSource requests = dataSource.unwrap(HikariDataSource.class);
        assertThat(background).isNotSameAs(requests);
        assertThat(BackgroundWork.onThisThread()).isFalse();
        assertThat(BackgroundWork.run(() -> activeWhileHolding(background))).isEqualTo(1);
        assertThat(activeWhileHolding(background)).isZero();
    }

    @Test
    void theSchedulersAndTheJobExecutorsThreadsDoBackgroundWork() throws Exception {
        ThreadPoolTaskScheduler scheduler = context.getBean("taskScheduler", ThreadPoolTaskScheduler.class);
        assertThat(scheduler.submit(BackgroundWork::onThisThread).get(1, TimeUnit.MINUTES))
                .isTrue();
        // the tests run without the job executor: its executor as the engine's starter makes it
        ThreadPoolTaskExecutor jobs = new ThreadPoolTaskExecutor();
        jobs.setCorePoolSize(1);
        ConnectionPools.backgroundPool(context.getEnvironment())
                .postProcessBeforeInitialization(jobs, "camundaTaskExecutor");
        jobs.initialize();
        try {
            assertThat(jobs.submit(BackgroundWork::onThisThread).get(1, TimeUnit.MINUTES))
                    .isTrue();
        } finally {
            jobs.shutdown();
        }
    }

    private int activeWhileHolding(HikariDataSource pool) {
        int before = pool.getHikariPoolMXBean().getActiveConnections();
        try (Connection connection = dataSource.getConnection()) {
            return pool.getHikariPoolMXBean().getActiveConnections() - before;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
