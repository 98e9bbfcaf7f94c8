package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.TestTokens;

/** Callers of the test associations, and the case files they open. */
final class Staff {
    static final String APPLICANT = """
            {"firstName": "Amina", "lastName": "Diallo", "birthDate": "1990-04-02", "nationality": "MLI",
             "entryDate": "2014-09-01", "languages": ["bambara", "français"], "interpreterNeeded": false,
             "phone": "+33 6 12 34 56 78", "email": "amina@example.org", "addressLine": "3 rue Garibaldi",
             "postalCode": "69003", "city": "Lyon",
             "family": {"maritalStatus": "MARRIED",
                        "spouse": {"name": "Paul Martin", "status": "FRENCH", "unionSince": "2019-06-01"},
                        "children": [{"firstName": "Awa", "birthDate": "2020-02-10", "french": true,
                                      "livesInFrance": true, "contributesToUpkeep": true}],
                        "relativesInFrance": [{"relation": "MOTHER", "status": "REGULAR_RESIDENT"}]},
             "familyNotes": "Mother in Villeurbanne since 2012."}""";
    static final String PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

    final Api caseworker;
    final Api coordinator;
    final Api lawyer;
    final Api admin;
    final Api betaCaseworker;
    final Api betaCoordinator;

    Staff(int port) {
        Api api = Api.at(port);
        caseworker = api.as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        coordinator =
                api.as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        lawyer = api.as(TestTokens.user("me.durand", group(ALPHA, "lawyer")).token());
        admin = api.as(TestTokens.user("admin").platformAdmin().token()).in(ALPHA);
        betaCaseworker =
                api.as(TestTokens.user("sofia", group(BETA, "caseworker")).token());
        betaCoordinator =
                api.as(TestTokens.user("marc", group(BETA, "coordinator")).token());
    }

    /** A query as the test association's coordinator would see it (row-level security applies). */
    static long countInAlpha(org.springframework.jdbc.core.JdbcTemplate jdbc, String sql) {
        return fr.passerelle.tenancy.Tenancy.runAs(
                new fr.passerelle.tenancy.CurrentAssociation(
                        ALPHA, java.util.Set.of(fr.passerelle.security.Role.COORDINATOR)),
                () -> jdbc.queryForObject(sql, Long.class));
    }

    /** Opens a case (L435-1, Rhône) for a new applicant in full; returns the case as the API shows it. */
    static com.fasterxml.jackson.databind.JsonNode open(Api as, String extra) {
        var created = as.post("/api/cases", """
                {"applicant": %s, "ground": "L435-1", "department": "69", "prefecture": "Préfecture du Rhône"%s}""".formatted(APPLICANT, extra == null ? "" : ", " + extra));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    static String open(Api as) {
        return open(as, null).get("id").asText();
    }
}
