package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormConditionTest {

    private static Object eval(String expression, Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return FormCondition.parse(expression).evaluate(values::get);
    }

    @Test
    void theShapesTheFormsUse() {
        assertThat(eval("=proceedWithApplication", "proceedWithApplication", true))
                .isEqualTo(true);
        assertThat(eval("=proceedWithApplication = false", "proceedWithApplication", false))
                .isEqualTo(true);
        assertThat(eval("=not(feePaid)", "feePaid", true)).isEqualTo(false);
        assertThat(eval("=attemptResult != \"SLOT_OBTAINED\"", "attemptResult", "NO_SLOT"))
                .isEqualTo(true);
        assertThat(eval("=attemptResult = \"SLOT_OBTAINED\"", "attemptResult", "SLOT_OBTAINED"))
                .isEqualTo(true);
        assertThat(eval("=feeAmount = 50", "feeAmount", 50L)).isEqualTo(true);
        assertThat(eval("=a = \"X\" and (b or not(c))", "a", "X", "b", false, "c", false))
                .isEqualTo(true);
        assertThat(eval("=a = \"X\" or b", "a", "Y", "b", false)).isEqualTo(false);
    }

    @Test
    void missingValuesFollowFeel() {
        assertThat(eval("=x")).isNull();
        assertThat(eval("=not(x)")).isNull();
        assertThat(eval("=x = false")).isEqualTo(false);
        assertThat(eval("=x != \"A\"")).isEqualTo(true);
        assertThat(eval("=x = null")).isEqualTo(true);
        assertThat(eval("=x = \"1\"", "x", true))
                .as("values of different types")
                .isNull();
        assertThat(FormCondition.parse("=not(x)").holds(name -> null)).isFalse();
        assertThat(FormCondition.parse("=a and b").variables()).containsExactly("a", "b");
    }

    @Test
    void shapesItDoesNotKnowAreRefusedNotGuessed() {
        for (String unknown : new String[] {
            "=x > 3",
            "=is defined(x)",
            "=x in [\"A\", \"B\"]",
            "proceed",
            "=x = ",
            "=(x",
            "=count(list) = 0",
            "=x.y = 1",
            "=x = \"A\" \"B\""
        }) {
            assertThatThrownBy(() -> FormCondition.parse(unknown))
                    .as(unknown)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
