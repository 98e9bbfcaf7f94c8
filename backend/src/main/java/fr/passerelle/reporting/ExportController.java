package fr.passerelle.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Excel exports of the statistics, run in the background (docs/api-reporting.md). */
@Tag(name = "Reporting")
@RestController
class ExportController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final ExportJobs exports;
    private final CaseloadStatistics statistics;

    ExportController(ExportJobs exports, CaseloadStatistics statistics) {
        this.exports = exports;
        this.statistics = statistics;
    }

    record ExportRequest(
            LocalDate from, LocalDate to, String prefecture, String ground, String caseworker, Boolean withNames) {}

    @Operation(
            operationId = "startExport",
            summary = "Start an Excel export",
            description =
                    "Coordinators only. The workbook is written in the background by the engine's job executor; the answer (202) is the export, to poll at its Location.")
    @PostMapping("/api/exports")
    ResponseEntity<ExportView> start(@RequestBody ExportRequest r) {
        CaseloadStatistics.requireCoordinator();
        ExportView started = exports.start(
                StatisticsFilter.of(r.from(), r.to(), r.prefecture(), r.ground(), r.caseworker(), statistics.today()),
                Boolean.TRUE.equals(r.withNames()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/exports/" + started.id())
                .body(started);
    }

    @Operation(
            operationId = "listExports",
            summary = "List the association's exports",
            description = "Coordinators only: the exports still kept, with their status.")
    @GetMapping("/api/exports")
    List<ExportView> list() {
        return exports.list();
    }

    @Operation(
            operationId = "getExport",
            summary = "Read an export's status",
            description = "Coordinators only; 404 when unknown or another association's.")
    @GetMapping("/api/exports/{id}")
    ExportView get(@PathVariable UUID id) {
        return exports.get(id);
    }

    /** The workbook (a few megabytes even for 100,000 cases): read from the export's row and sent. */
    @Operation(
            operationId = "downloadExport",
            summary = "Download an export's workbook",
            description =
                    "The .xlsx of a finished export still kept: 404 when unknown or expired, 409 before it is done.")
    @GetMapping("/api/exports/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        ExportView export = exports.download(id, out);
        String name = "passerelle-statistiques-" + export.createdAt().toString().substring(0, 10) + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out.toByteArray());
    }
}
