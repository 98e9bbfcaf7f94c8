package fr.passerelle.cases.web;

import fr.passerelle.cases.Retention;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The association's retention of personal data (docs/personal-data.md). */
@Tag(name = "Personal data")
@RestController
@RequestMapping("/api/association/retention")
class RetentionController {
    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    /** Months after the last contact, once all of an applicant's cases are closed. */
    record RetentionSetting(Integer months) {}

    @Operation(
            operationId = "getRetention",
            summary = "The association's retention period",
            description = "Months after the last contact (24 by default, CNIL délibération n° 2021-028).")
    @GetMapping
    RetentionSetting get() {
        return new RetentionSetting(retention.months());
    }

    @Operation(
            operationId = "setRetention",
            summary = "Set the association's retention period",
            description = "Coordinators only; 1 to 120 months, 400 naming months otherwise. Audited.")
    @PutMapping
    RetentionSetting set(@RequestBody RetentionSetting setting) {
        return new RetentionSetting(retention.setMonths(setting.months()));
    }
}
