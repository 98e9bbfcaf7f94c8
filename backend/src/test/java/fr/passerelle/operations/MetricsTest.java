package fr.passerelle.operations;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /actuator/prometheus: who may read it on the service's port, and the figures it carries. */
@ApiTest
class MetricsTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api admin() {
        // Prometheus answers in its text format, which the API helper asks for when browsing (*/*).
        return Api.at(port).as(TestTokens.user("admin").platformAdmin().token()).browsing();
    }

    @Test
    void onTheServicesPortTheMetricsAreForPlatformAdminsOnly() {
        assertThat(Api.at(port).get("/actuator/prometheus").status()).isEqualTo(401);
        var caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token())
                .in(ALPHA);
        assertThat(caseworker.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(admin().get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void theProbesArePublic() {
        assertThat(Api.at(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        var readiness = Api.at(port).get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theServiceTheEngineAndTheOutboxesAreMeasured() {
        admin().get("/api/config");
        String metrics = admin().get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains(
                        "http_server_requests_seconds_count",
                        "http_server_requests_seconds_bucket",
                        "hikaricp_connections_active",
                        "jvm_memory_used_bytes",
                        "passerelle_engine_jobs_executed_total{application=\"passerelle\",result=\"successful\"}",
                        "passerelle_engine_jobs_executed_total{application=\"passerelle\",result=\"failed\"}",
                        "passerelle_engine_incidents_open",
                        "passerelle_engine_jobs_failing",
                        "passerelle_engine_timers_due",
                        "passerelle_engine_jobs_due",
                        "passerelle_reminders_pending",
                        "passerelle_reminders_late",
                        "passerelle_reminders_failed",
                        "passerelle_exports_queued",
                        "passerelle_exports_running");
        assertThat(value(metrics, "passerelle_engine_incidents_open"))
                .isNotNaN()
                .isGreaterThanOrEqualTo(0);
        assertThat(value(metrics, "passerelle_reminders_failed")).isNotNaN().isGreaterThanOrEqualTo(0);
    }

    @Test
    void theOutboxFiguresAddUpEveryAssociation() {
        Associations.ensure(jdbc, ALPHA, BETA);
        double before = value(admin().get("/actuator/prometheus").body(), "passerelle_exports_queued");
        UUID inAlpha = queueExport(ALPHA);
        UUID inBeta = queueExport(BETA);
        try {
            double after = value(admin().get("/actuator/prometheus").body(), "passerelle_exports_queued");
            assertThat(after).isEqualTo(before + 2);
        } finally {
            delete(ALPHA, inAlpha);
            delete(BETA, inBeta);
        }
    }

    private UUID queueExport(String association) {
        UUID id = UUID.randomUUID();
        Tenancy.runAs(new CurrentAssociation(association, Set.of()), () -> jdbc.update("""
                INSERT INTO app.export_jobs (id, tenant_id, requested_by, status, created_at)
                VALUES (?, ?, 'metrics-test', 'QUEUED', now())""", id, association));
        return id;
    }

    private void delete(String association, UUID id) {
        Tenancy.runAs(
                new CurrentAssociation(association, Set.of()),
                () -> jdbc.update("DELETE FROM app.export_jobs WHERE id = ?", id));
    }

    /** The value of an untagged-but-common-tags gauge in the Prometheus text. */
    static double value(String metrics, String name) {
        var line = Pattern.compile("^" + name + "\\{[^}]*} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertThat(line.find()).as(name + " in the metrics").isTrue();
        return Double.parseDouble(line.group(1));
    }
}
