package fr.passerelle.reporting;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caseload statistics (docs/api-reporting.md). */
@RestController
class StatisticsController {
    private final CaseloadStatistics statistics;

    StatisticsController(CaseloadStatistics statistics) {
        this.statistics = statistics;
    }

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

    @GetMapping("/api/admin/statistics")
    Statistics platform(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String prefecture,
            @RequestParam(required = false) String ground) {
        return statistics.platform(StatisticsFilter.of(from, to, prefecture, ground, null, statistics.today()));
    }
}
