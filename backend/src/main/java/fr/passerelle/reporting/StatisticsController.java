package fr.passerelle.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caseload statistics (docs/api-reporting.md). */
@Tag(name = "Reporting")
@RestController
class StatisticsController {
    private final CaseloadStatistics statistics;

    StatisticsController(CaseloadStatistics statistics) {
        this.statistics = statistics;
    }

    @Operation(
            operationId = "caseloadStatistics",
            summary = "Caseload statistics of the association",
            description =
                    "Coordinators only: cases by status, step, outcome, ground and prefecture over a period (from, to), for one prefecture, ground or caseworker if asked (docs/api-reporting.md).")
    @GetMapping("/api/statistics")
    Statistics association(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String prefecture,
            @RequestParam(required = false) String ground,
            @RequestParam(required = false) String caseworker) {
        CaseloadStatistics.requireCoordinator();
        return statistics.association(
                StatisticsFilter.of(from, to, prefecture, ground, caseworker, statistics.today()));
    }

    @Operation(
            operationId = "platformStatistics",
            summary = "Statistics of the whole platform",
            description =
                    "Platform admins only: aggregates across associations, counts under 5 left out so that no case can be singled out.")
    @GetMapping("/api/admin/statistics")
    Statistics platform(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String prefecture,
            @RequestParam(required = false) String ground) {
        return statistics.platform(StatisticsFilter.of(from, to, prefecture, ground, null, statistics.today()));
    }
}
