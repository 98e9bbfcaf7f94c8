package fr.passerelle.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;

/** Cases with a contentious appeal waiting at the offer step, as the main process would leave them. */
final class AppealFixture {
    static final String APPLICANT = """
            {"firstName": "Amina", "lastName": "Diallo", "birthDate": "1990-04-02", "nationality": "MLI",
             "entryDate": "2014-09-01", "languages": ["bambara", "français"], "interpreterNeeded": true,
             "interpreterLanguage": "bambara", "addressLine": "3 rue Garibaldi", "postalCode": "69003", "city": "Lyon"}""";
    static final String PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

    private AppealFixture() {}

    record Case(String id, String reference, String processInstanceId) {
        String c() {
            return "/api/cases/" + id;
        }
    }

    /** A refused case (L435-1, Rhône) whose contentious appeal waits to be offered. */
    static Case refused(Api coordinator, RuntimeService runtime, String association) {
        var created = coordinator.post("/api/cases", """
                {"applicant": %s, "ground": "L435-1", "department": "69", "prefecture": "Préfecture du Rhône",
                 "decidedOn": "%s", "notifiedOn": "%s"}""".formatted(APPLICANT, daysAgo(5), daysAgo(3)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String instance = Tenancy.runAs(
                new CurrentAssociation(association, Set.of(Role.COORDINATOR)),
                () -> runtime.createProcessInstanceByKey(AppealGrants.CONTENTIOUS_APPEAL)
                        .businessKey(id)
                        .setVariables(Map.of(
                                "caseId",
                                id,
                                "department",
                                "69",
                                "decisionOutcome",
                                "REFUSED",
                                "decisionNotifiedDate",
                                daysAgo(3)))
                        .execute()
                        .getId());
        return new Case(id, created.json().get("reference").asText(), instance);
    }

    static String daysAgo(int days) {
        return LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(days).toString();
    }
}
