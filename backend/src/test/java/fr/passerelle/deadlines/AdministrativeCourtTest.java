package fr.passerelle.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tribunaux administratifs (R221-3 CJA) and the court select of the filing forms. */
class AdministrativeCourtTest {

    private static List<String> departments() {
        List<String> codes = new ArrayList<>();
        for (int n = 1; n <= 95; n++) {
            if (n != 20) {
                codes.add(String.format("%02d", n));
            }
        }
        codes.addAll(List.of("2A", "2B", "971", "972", "973", "974", "976"));
        return codes;
    }

    @Test
    void everyDepartmentHasOneCourtSittingInAKnownDepartment() {
        for (String department : departments()) {
            assertThat(Arrays.stream(AdministrativeCourt.values())
                            .filter(court -> court.jurisdiction().contains(department))
                            .count())
                    .as("courts of %s", department)
                    .isEqualTo(1);
            Department.of(
                    AdministrativeCourt.competentFor(department).orElseThrow().seat());
        }
        for (AdministrativeCourt court : AdministrativeCourt.values()) {
            assertThat(court.jurisdiction())
                    .as("%s sits in its jurisdiction", court)
                    .contains(court.seat());
        }
    }

    @Test
    void moselleAndAlsaceGoToStrasbourgAndMetzNeighboursToNancy() {
        assertThat(AdministrativeCourt.competentFor("57")).contains(AdministrativeCourt.STRASBOURG);
        assertThat(AdministrativeCourt.competentFor("68")).contains(AdministrativeCourt.STRASBOURG);
        assertThat(AdministrativeCourt.STRASBOURG.seat()).isEqualTo("67");
        assertThat(AdministrativeCourt.competentFor("54")).contains(AdministrativeCourt.NANCY);
        assertThat(AdministrativeCourt.competentFor("2a")).contains(AdministrativeCourt.BASTIA);
        assertThat(AdministrativeCourt.competentFor("975")).isEmpty();
        assertThat(AdministrativeCourt.AMIENS.frenchName()).isEqualTo("Tribunal administratif d'Amiens");
        assertThat(AdministrativeCourt.AMIENS.label()).isEqualTo("Amiens (80)");
        assertThat(AdministrativeCourt.MARTINIQUE.label()).isEqualTo("La Martinique (972)");
    }

    @Test
    void theFilingFormsListEveryCourtWithTheDepartmentItSitsIn() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (AdministrativeCourt court : AdministrativeCourt.values()) {
            expected.put(court.name(), court.label());
        }
        for (String form : List.of("appeal-file-request", "appeal-file-request-association")) {
            Map<String, String> listed = new LinkedHashMap<>();
            try (InputStream in = getClass().getResourceAsStream("/forms/" + form + ".form")) {
                for (JsonNode component : new ObjectMapper().readTree(in).path("components")) {
                    if ("court".equals(component.path("key").asText())) {
                        component
                                .path("values")
                                .forEach(value -> listed.put(
                                        value.path("value").asText(),
                                        value.path("label").asText()));
                    }
                }
            }
            assertThat(listed).as(form).containsExactlyEntriesOf(expected);
        }
    }
}
