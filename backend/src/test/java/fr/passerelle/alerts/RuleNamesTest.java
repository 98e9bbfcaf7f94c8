package fr.passerelle.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.deadlines.DeadlineRule;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RuleNamesTest {
    @Test
    void everyDeadlineRuleHasAFrenchAndAnEnglishNameInRemindersAndCalendars() {
        assertThat(Arrays.stream(DeadlineRule.values()).map(Enum::name).filter(rule -> !RuleNames.isNamed(rule)))
                .as("rules a reminder would call \"Échéance de la tâche\"")
                .isEmpty();
    }

    @Test
    void retentionIsNotWordedAsDetentionWhichRunsSevenDays() {
        assertThat(RuleNames.name("OQTF_RETENTION", Locale.ENGLISH))
                .contains("retention")
                .doesNotContain("detention");
        assertThat(RuleNames.name("OQTF_HOUSE_ARREST", Locale.FRENCH)).contains("détention", "7 jours");
        // detention (prison) is 7 days, as house arrest (L921-1 CESEDA)
        assertThat(RuleNames.name("OQTF_HOUSE_ARREST", Locale.ENGLISH)).contains("detention", "7 days");
    }
}
