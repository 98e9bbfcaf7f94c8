package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code appeal-gracious} and {@code appeal-hierarchical} are one model under two names: the
 * gracious one is the source, the hierarchical one is derived from it by {@link #DIFFERENCES}
 * (addressee, labels, kind, element ids), and nothing else. Edit appeal-gracious.bpmn only, then
 * run this test with {@code -Dpasserelle.twins.write=true} to write appeal-hierarchical.bpmn.
 * Both keep their own process key, task keys and step in the task lists, and their tests.
 */
class AdministrativeAppealTwinsTest {
    static final Path BPMN = Path.of("src/main/resources/bpmn");

    /** Gracious text, hierarchical text: applied in this order, the literal phrases first. */
    static final List<String[]> DIFFERENCES = List.of(
            new String[] {
                "Le recours gracieux demande à l'auteur de la décision, le préfet, de la retirer.",
                "Le recours hiérarchique demande au supérieur de l'auteur de la décision, le ministre de l'Intérieur"
                        + " (direction générale des étrangers en France), de l'annuler ou de la réformer."
            },
            new String[] {"Recours gracieux auprès du préfet", "Recours hiérarchique auprès du ministre de l'Intérieur"
            },
            new String[] {"Gracious appeal to the prefect", "Hierarchical appeal to the Minister of the Interior"},
            new String[] {"le recours gracieux", "le recours hiérarchique"},
            new String[] {"the gracious appeal", "the hierarchical appeal"},
            new String[] {"adressé au préfet", "adressé au ministre de l'Intérieur"},
            new String[] {"réponse du préfet", "réponse du ministre"},
            new String[] {"Réponse du préfet", "Réponse du ministre"},
            new String[] {"Answer from the prefect", "Answer from the minister"},
            // the kind (administrativeAppealKind), the process key and the element ids
            new String[] {"GRACIOUS", "HIERARCHICAL"},
            new String[] {"Gracious", "Hierarchical"},
            new String[] {"gracious", "hierarchical"});

    static String derive(String gracious) {
        String text = gracious;
        for (String[] difference : DIFFERENCES) {
            assertThat(text)
                    .as("appeal-gracious.bpmn still says %s", difference[0])
                    .contains(difference[0]);
            text = text.replace(difference[0], difference[1]);
        }
        return text;
    }

    @Test
    void theHierarchicalModelIsTheGraciousOneWithTheTableOfDifferences() throws IOException {
        String expected = derive(Files.readString(BPMN.resolve("appeal-gracious.bpmn"), StandardCharsets.UTF_8));
        Path hierarchical = BPMN.resolve("appeal-hierarchical.bpmn");
        if (Boolean.getBoolean("passerelle.twins.write")) {
            Files.writeString(hierarchical, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(hierarchical, StandardCharsets.UTF_8))
                .as(
                        "appeal-hierarchical.bpmn derived from appeal-gracious.bpmn (-Dpasserelle.twins.write=true writes it)")
                .isEqualTo(expected);
    }
}
