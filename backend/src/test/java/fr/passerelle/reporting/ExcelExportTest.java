package fr.passerelle.reporting;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Excel export of the known caseload ({@link CaseloadFixture}): started through the API, run
 * as the engine job it is (executed here by the test, as a job executor thread would), read back
 * with POI cell by cell, opened by LibreOffice headless, whose CSV gives the API's figures; only
 * the association that asked sees or downloads it; names only when asked, and audited.
 */
@ApiTest
class ExcelExportTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    CaseloadFixture fixture;
    Api coordinator;

    @BeforeEach
    void fixture() {
        Associations.ensure(jdbc, ALPHA, BETA);
        fixture = new CaseloadFixture(jdbc);
        fixture.alpha();
        coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
    }

    private String filters(boolean withNames) {
        return """
                {"from": "2025-01-01", "to": "2025-12-31", "prefecture": "%s", "withNames": %s}""".formatted(fixture.prefecture, withNames);
    }

    private <T> T inAlpha(java.util.function.Supplier<T> work) {
        return Tenancy.runAs(new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)), work);
    }

    /** Starts an export, runs its engine job, and returns the finished export. */
    private JsonNode export(boolean withNames) {
        var started = coordinator.post("/api/exports", filters(withNames));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("status").asText()).isEqualTo("QUEUED");
        String id = started.json().get("id").asText();
        assertThat(coordinator.get("/api/exports/" + id + "/file").status())
                .as("not written yet")
                .isEqualTo(409);
        String job = inAlpha(() ->
                jdbc.queryForObject("SELECT engine_job_id FROM app.export_jobs WHERE id = ?::uuid", String.class, id));
        assertThat(management.createJobQuery().jobId(job).singleResult().getTenantId())
                .isEqualTo(ALPHA);
        management.executeJob(job);
        var done = coordinator.get("/api/exports/" + id);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).as(done.body()).isEqualTo("DONE");
        assertThat(done.json().get("percent").asInt()).isEqualTo(100);
        assertThat(done.json().get("rowsTotal").asInt()).isEqualTo(8);
        assertThat(done.json().get("rowsDone").asInt()).isEqualTo(8);
        assertThat(done.json().has("expiresAt")).isTrue();
        return done.json();
    }

    private byte[] download(Api as, String id, int status) {
        HttpResponse<byte[]> file = as.download("/api/exports/" + id + "/file");
        assertThat(file.statusCode()).isEqualTo(status);
        return file.body();
    }

    private static String text(Cell cell) {
        return cell == null ? null : cell.getStringCellValue();
    }

    @Test
    void theWorkbookHoldsTheStatisticsTypedStyledFilteredFrozenWithCharts() throws IOException {
        JsonNode export = export(false);
        byte[] bytes = download(coordinator, export.get("id").asText(), 200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets)
                    .containsExactly(
                            "Synthèse",
                            "Ouverts par étape",
                            "Ouverts par motif",
                            "Échéances",
                            "Issues par mois",
                            "Issues par préfecture",
                            "Durées",
                            "Charge",
                            "Récépissés",
                            "Échecs de rendez-vous",
                            "Dossiers");
            for (Sheet sheet : book) {
                XSSFSheet s = (XSSFSheet) sheet;
                assertThat(s.getPaneInformation().isFreezePane())
                        .as(s.getSheetName() + " frozen")
                        .isTrue();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(s.getCTWorksheet().isSetAutoFilter())
                        .as(s.getSheetName() + " autofilter")
                        .isTrue();
                Cell first = s.getRow(0).getCell(0);
                XSSFCellStyle style = (XSSFCellStyle) first.getCellStyle();
                assertThat(style.getFont().getBold())
                        .as(s.getSheetName() + " header bold")
                        .isTrue();
                assertThat(style.getFillPattern())
                        .isEqualTo(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
                assertThat(s.getColumnWidth(0)).as("a set width").isGreaterThan(10 * 256);
                for (Row row : s) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("no formula anywhere").isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            XSSFSheet summary = book.getSheet("Synthèse");
            Map<String, Cell> figures = new LinkedHashMap<>();
            for (int r = 1; r <= 14; r++) {
                figures.put(
                        summary.getRow(r).getCell(0).getStringCellValue(),
                        summary.getRow(r).getCell(1));
            }
            assertThat(figures.get("Dossiers ouverts").getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(figures.get("Dossiers ouverts").getNumericCellValue()).isEqualTo(6.0);
            assertThat(figures.get("Échéances dépassées").getNumericCellValue()).isEqualTo(1.0);
            assertThat(figures.get("Dépôt → décision : médiane (jours)").getNumericCellValue())
                    .isEqualTo(60.0);
            assertThat(figures.get("Dépôt → décision : 90e centile (jours)").getNumericCellValue())
                    .isCloseTo(103.4, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(figures.get("Refus → issue du recours : médiane (jours)").getNumericCellValue())
                    .isEqualTo(75.0);
            assertThat(figures.get("Tentatives de rendez-vous échouées").getNumericCellValue())
                    .isEqualTo(2.0);
            assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(2);
            assertThat(summary.getDrawingPatriarch()
                            .getCharts()
                            .get(0)
                            .getTitleText()
                            .getString())
                    .isEqualTo("Dossiers ouverts par étape");
            assertThat(summary.getDrawingPatriarch()
                            .getCharts()
                            .get(1)
                            .getChartSeries()
                            .get(0)
                            .getSeriesCount())
                    .as("one series per outcome")
                    .isEqualTo(7);

            Sheet months = book.getSheet("Issues par mois");
            Cell month = months.getRow(1).getCell(0);
            assertThat(month.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(month)).isTrue();
            assertThat(month.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 2, 1));
            assertThat(months.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(1.0);

            Sheet cases = book.getSheet("Dossiers");
            assertThat(cases.getLastRowNum()).isEqualTo(8);
            List<String> headings = new ArrayList<>();
            cases.getRow(0).forEach(c -> headings.add(c.getStringCellValue()));
            assertThat(headings).doesNotContain("Nom", "Prénom").contains("Dossier", "Déposé le");
            int filedColumn = headings.indexOf("Déposé le");
            int daysColumn = headings.indexOf("Jours dépôt → décision");
            Map<String, Row> byFiling = new LinkedHashMap<>();
            for (int r = 1; r <= 8; r++) {
                Row row = cases.getRow(r);
                Cell filed = row.getCell(filedColumn);
                if (filed != null) {
                    assertThat(DateUtil.isCellDateFormatted(filed)).isTrue();
                    byFiling.put(filed.getLocalDateTimeCellValue().toLocalDate().toString(), row);
                }
            }
            assertThat(byFiling).containsOnlyKeys("2025-01-10", "2025-01-01", "2025-02-01", "2025-01-15", "2025-03-01");
            Cell days = byFiling.get("2025-03-01").getCell(daysColumn);
            assertThat(days.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(days.getNumericCellValue()).isEqualTo(122.0);
            String everything = allText(book);
            assertThat(everything)
                    .as("pseudonymised: no applicant's name")
                    .doesNotContain("Trois", "Quatre", "HYPERLINK", "Huit");
        }
    }

    @Test
    void namesComeOnlyWhenAskedAreAuditedAndAFormulaStaysText() throws IOException {
        JsonNode export = export(true);
        assertThat(export.get("withNames").asBoolean()).isTrue();
        byte[] bytes = download(coordinator, export.get("id").asText(), 200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet cases = book.getSheet("Dossiers");
            assertThat(text(cases.getRow(0).getCell(1))).isEqualTo("Nom");
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= cases.getLastRowNum(); r++) {
                Cell name = cases.getRow(r).getCell(1);
                assertThat(name.getCellType()).isEqualTo(CellType.STRING);
                names.add(name.getStringCellValue());
            }
            assertThat(names).contains("Trois", "Quatre", "'=HYPERLINK(\"http://x\")");
        }
        assertThat(CaseloadWorkbook.neutralised("+33 6")).isEqualTo("'+33 6");
        assertThat(CaseloadWorkbook.neutralised("-1")).isEqualTo("'-1");
        assertThat(CaseloadWorkbook.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CaseloadWorkbook.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(CaseloadWorkbook.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(CaseloadWorkbook.neutralised("Lyon")).isEqualTo("Lyon");
        List<String> audit = inAlpha(() -> jdbc.queryForList(
                "SELECT detail FROM app.audit_events WHERE detail LIKE ? ORDER BY id",
                String.class,
                "%" + export.get("id").asText() + "%"));
        assertThat(audit).anyMatch(d -> d.contains("WITH applicants' names"));
        assertThat(audit).anyMatch(d -> d.contains("downloaded (with names)"));
    }

    @Test
    void onlyTheAssociationThatAskedSeesAndDownloadsItsExport() {
        JsonNode export = export(false);
        String id = export.get("id").asText();
        Api api = Api.at(port);
        Api betaCoordinator =
                api.as(TestTokens.user("marc", group(BETA, "coordinator")).token());
        Api caseworker =
                api.as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        assertThat(betaCoordinator.get("/api/exports/" + id).status()).isEqualTo(404);
        download(betaCoordinator, id, 404);
        assertThat(betaCoordinator.get("/api/exports").body()).doesNotContain(id);
        assertThat(caseworker.get("/api/exports/" + id).status()).isEqualTo(403);
        download(caseworker, id, 403);
        assertThat(caseworker.post("/api/exports", filters(false)).status()).isEqualTo(403);
        assertThat(coordinator.get("/api/exports").body()).contains(id);
        assertThat(coordinator
                        .get("/api/exports/" + java.util.UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        var bad = coordinator.post("/api/exports", """
                {"from": "2025-06-01", "to": "2025-01-01"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/to").isMissingNode()).as(bad.body()).isFalse();
        var unknown = coordinator.post("/api/exports", """
                {"format": "csv"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("format");
    }

    @Test
    void theRetentionJobRemovesTheFile() {
        JsonNode export = export(false);
        String id = export.get("id").asText();
        String purge = inAlpha(() -> {
            jdbc.update("UPDATE app.export_jobs SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid", id);
            return null;
        });
        var job = management.createJobQuery().tenantIdIn(ALPHA).list().stream()
                .filter(j -> j.getDuedate() != null && j.getProcessInstanceId() == null)
                .toList();
        assertThat(job).isNotEmpty();
        job.forEach(j -> management.executeJob(j.getId()));
        assertThat(coordinator.get("/api/exports/" + id).json().get("status").asText())
                .isEqualTo("EXPIRED");
        download(coordinator, id, 404);
        assertThat(purge).isNull();
    }

    @Test
    void libreOfficeOpensTheWorkbookAndItsFiguresAreTheApis(@TempDir Path dir) throws Exception {
        JsonNode export = export(false);
        byte[] bytes = download(coordinator, export.get("id").asText(), 200);
        Path xlsx = dir.resolve("export.xlsx");
        Files.write(xlsx, bytes);
        Path soffice = Path.of("/usr/bin/soffice");
        assertThat(soffice)
                .as("LibreOffice headless (Debian libreoffice-calc-nogui; infra/lib.sh ensure_machine)")
                .isExecutable();
        Process process = new ProcessBuilder(
                        soffice.toString(),
                        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                        "--headless",
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76",
                        "--outdir",
                        dir.toString(),
                        xlsx.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("LibreOffice finished")
                .isTrue();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(log).isZero();
        Path csv = dir.resolve("export.csv");
        assertThat(csv).as(log).exists();
        Map<String, String> figures = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            if (cells.length > 1) {
                figures.put(cells[0].replace("\"", ""), cells[1].replace("\"", ""));
            }
        }
        JsonNode api = coordinator
                .get("/api/statistics?from=2025-01-01&to=2025-12-31&prefecture="
                        + URLEncoder.encode(fixture.prefecture, StandardCharsets.UTF_8))
                .json();
        assertThat(figures.get("Dossiers ouverts"))
                .isEqualTo(api.at("/openCases/total").asText());
        assertThat(figures.get("Échéances dépassées"))
                .isEqualTo(api.at("/deadlines/overdue").asText());
        assertThat(figures.get("Échéances dans les 30 jours"))
                .isEqualTo(api.at("/deadlines/next30Days").asText());
        assertThat(figures.get("Récépissés expirés (dossiers ouverts)"))
                .isEqualTo(api.at("/receipts/expired").asText());
        assertThat(Double.parseDouble(figures.get("Dépôt → décision : médiane (jours)")))
                .isEqualTo(api.at("/durations/filingToDecision/medianDays").asDouble());
        assertThat(Double.parseDouble(figures.get("Dépôt → décision : 90e centile (jours)")))
                .isEqualTo(api.at("/durations/filingToDecision/p90Days").asDouble());
        assertThat(Double.parseDouble(figures.get("Refus → issue du recours : médiane (jours)")))
                .isEqualTo(
                        api.at("/durations/refusalToAppealOutcome/medianDays").asDouble());
    }

    private static String allText(XSSFWorkbook book) {
        StringBuilder all = new StringBuilder();
        for (Sheet sheet : book) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        all.append(cell.getStringCellValue()).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
