package fr.passerelle.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** CESEDA L432-13 on fixed dates. */
class CommissionRuleTest {
    static final LocalDate ENTRY = LocalDate.of(2015, 3, 10);

    @Test
    void l435OneNeedsTheCommissionAfterMoreThanTenYears() {
        assertThat(CommissionRule.assess(Ground.L435_1, ENTRY, null, LocalDate.of(2025, 3, 10))
                        .mandatory())
                .as("exactly ten years")
                .isFalse();
        assertThat(CommissionRule.assess(Ground.L435_1, ENTRY, null, LocalDate.of(2025, 3, 11))
                        .mandatory())
                .as("ten years and a day")
                .isTrue();
        assertThat(CommissionRule.assess(Ground.L435_1, null, null, LocalDate.of(2030, 1, 1))
                        .mandatory())
                .as("unknown entry")
                .isFalse();
    }

    @Test
    void theListedFamilyGroundsNeedItWhenTheirConditionsAreMet() {
        LocalDate today = LocalDate.of(2026, 1, 1);
        assertThat(CommissionRule.assess(Ground.L423_23, ENTRY, true, today).mandatory())
                .isTrue();
        assertThat(CommissionRule.assess(Ground.L423_23, ENTRY, false, today).mandatory())
                .isFalse();
        assertThat(CommissionRule.assess(Ground.L423_1, ENTRY, null, today).reason())
                .contains("not assessed");
        assertThat(CommissionRule.assess(Ground.L423_1, ENTRY, null, today).reasonFr())
                .contains("pas encore évalué");
        assertThat(CommissionRule.assess(Ground.L425_1, ENTRY, true, today).mandatory())
                .as("L425-1 is not listed")
                .isFalse();
    }

    @Test
    void yearsInFranceAreFullYears() {
        assertThat(CommissionRule.yearsInFrance(ENTRY, LocalDate.of(2025, 3, 9)))
                .isEqualTo(9);
        assertThat(CommissionRule.yearsInFrance(ENTRY, LocalDate.of(2025, 3, 10)))
                .isEqualTo(10);
        assertThat(CommissionRule.yearsInFrance(null, LocalDate.of(2025, 3, 10)))
                .isNull();
    }
}
