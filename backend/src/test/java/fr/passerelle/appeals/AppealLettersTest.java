package fr.passerelle.appeals;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The letters' drafts: downloaded over HTTP, read back with POI as a .docx holding the case's
 * data, converted to PDF by LibreOffice headless (infra/lib.sh installs it for the tests).
 */
@ApiTest
class AppealLettersTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @TempDir
    Path dir;

    @Test
    void eachLetterIsAValidDocxWithTheCasesDataThatLibreOfficeConvertsToPdf() throws Exception {
        Associations.ensure(jdbc, ALPHA);
        Api coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        for (String kind : List.of("gracious", "hierarchical", "oqtf-request")) {
            HttpResponse<byte[]> response = coordinator.download(appeal.c() + "/appeal/letters/" + kind);
            assertThat(response.statusCode()).as(kind).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo(AppealLetters.DOCX);
            assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                    .contains(".docx")
                    .contains(appeal.reference());
            String text;
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
                text = document.getParagraphs().stream()
                        .map(XWPFParagraph::getText)
                        .collect(Collectors.joining("\n"));
            }
            assertThat(text)
                    .as(kind)
                    .contains(
                            "Amina Diallo",
                            "Préfecture du Rhône",
                            "3 rue Garibaldi",
                            "2 avril 1990",
                            "[à compléter]",
                            appeal.reference());
            assertThat(text).contains(kind.equals("oqtf-request") ? "REQUÊTE SOMMAIRE" : "article L435-1 du CESEDA");
            String decided = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)
                    .format(java.time.LocalDate.parse(AppealFixture.daysAgo(5)));
            assertThat(text).as("the decision's date").contains("Décision du " + decided);
            if (kind.equals("oqtf-request")) {
                assertThat(text).contains("interprète en bambara", "aide juridictionnelle");
            } else {
                assertThat(text).contains(kind.equals("gracious") ? "recours gracieux" : "Ministre de l’Intérieur");
            }

            Path docx = dir.resolve(kind + ".docx");
            Files.write(docx, response.body());
            Process soffice = new ProcessBuilder(
                            "soffice",
                            "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                            "--headless",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            dir.toString(),
                            docx.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(soffice.getInputStream().readAllBytes());
            assertThat(soffice.waitFor(180, TimeUnit.SECONDS))
                    .as("LibreOffice finishes")
                    .isTrue();
            assertThat(soffice.exitValue()).as(output).isZero();
            Path pdf = dir.resolve(kind + ".pdf");
            assertThat(pdf).as(output).exists();
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
            assertThat(new String(head)).isEqualTo("%PDF-");
            assertThat(Files.size(pdf)).isGreaterThan(1000);
        }
    }

    @Test
    void aLawyerWithoutTheAppealGetsNoLetterAndAnUnknownKindIsRefusedNamingIt() {
        Associations.ensure(jdbc, ALPHA);
        Api coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        Api lawyer = Api.at(port)
                .as(TestTokens.user("me.durand", group(ALPHA, "lawyer")).token());
        assertThat(lawyer.download(appeal.c() + "/appeal/letters/gracious").statusCode())
                .isEqualTo(403);
        var unknown = coordinator.get(appeal.c() + "/appeal/letters/cassation");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").has("kind")).isTrue();
    }
}
