package fr.passerelle.appeals;

import fr.passerelle.cases.CaseFiles;
import fr.passerelle.cases.Ground;
import fr.passerelle.procedure.CaseProcesses;
import fr.passerelle.security.Role;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.tenancy.CurrentAssociation;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo only (profile {@code demo}): a refused case of Droits Devant Marseille whose contentious
 * appeal waits to be offered, for the hand-off to its two lawyers (me.durand, me.nguyen). Runs
 * after the demo associations exist (demo.DemoData), once.
 */
@Component
@Profile("demo")
@Order(20)
class AppealDemoData implements ApplicationRunner {
    static final String ASSOCIATION = "droits-marseille";
    static final String APPLICANT = "Nadia Rahmani";
    private static final Logger log = LoggerFactory.getLogger(AppealDemoData.class);
    private final CaseFiles cases;
    private final CaseProcesses processes;
    private final JdbcTemplate jdbc;
    private final AssociationScope scope;

    AppealDemoData(CaseFiles cases, CaseProcesses processes, JdbcTemplate jdbc, AssociationScope scope) {
        this.scope = scope;
        this.cases = cases;
        this.processes = processes;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        scope.call(new CurrentAssociation(ASSOCIATION, Set.of(Role.COORDINATOR)), () -> {
            if (jdbc.queryForObject("SELECT count(*) FROM app.associations WHERE slug = ?", Long.class, ASSOCIATION)
                            == 0
                    || processes.anyOf(AppealGrants.CONTENTIOUS_APPEAL, ASSOCIATION)) {
                return null;
            }
            UUID caseId = cases.open(APPLICANT, Ground.L435_1, "13");
            String notified = LocalDate.now(AssociationTime.ZONE).minusDays(3).toString();
            processes.start(
                    AppealGrants.CONTENTIOUS_APPEAL,
                    caseId,
                    Map.of(
                            "caseId",
                            caseId.toString(),
                            "department",
                            "13",
                            "decisionOutcome",
                            "REFUSED",
                            "decisionNotifiedDate",
                            notified));
            log.info("Demo: the refused case of {} waits for its appeal to be offered", APPLICANT);
            return null;
        });
    }
}
