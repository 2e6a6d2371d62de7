package eu.herald.subscriptions.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.herald.problems.InvalidInput;
import eu.herald.problems.Violation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemindersTests {

    @Test
    void readsLeadTimesAsNormalisedDurationsLongestFirst() {
        Reminders reminders = Reminders.parse(List.of("PT1H", "P1D", "PT90M"), "reminders");

        assertThat(reminders.leads())
                .containsExactly(Duration.ofHours(24), Duration.ofMinutes(90), Duration.ofHours(1));
        assertThat(reminders.written()).containsExactly("PT24H", "PT1H30M", "PT1H");
    }

    @Test
    void readsNoRemindersFromNothingOrAnEmptyList() {
        assertThat(Reminders.parse(null, "reminders").leads()).isEmpty();
        assertThat(Reminders.parse(List.of(), "reminders").leads()).isEmpty();
    }

    @Test
    void acceptsThirtyDaysAtMost() {
        assertThat(Reminders.parse(List.of("P30D"), "reminders").written()).containsExactly("PT720H");
        assertThat(violations("P30DT1S"))
                .containsExactly(new Violation("reminders[0]", "must be at most P30D (30 days)"));
    }

    @Test
    void refusesWhatIsNotADurationNamingEachOne() {
        assertThat(violations("PT1H", "an hour", "P1M", "1h"))
                .extracting(Violation::field)
                .containsExactly("reminders[1]", "reminders[2]", "reminders[3]");
    }

    @Test
    void refusesLeadTimesThatAreNotLongerThanZero() {
        assertThat(violations("PT0S", "-PT1H"))
                .containsExactly(
                        new Violation("reminders[0]", "must be longer than zero"),
                        new Violation("reminders[1]", "must be longer than zero"));
    }

    @Test
    void refusesALeadTimeThatRepeatsAnotherOnceParsed() {
        assertThat(violations("PT1H", "PT24H", "PT60M"))
                .containsExactly(
                        new Violation("reminders[2]", "repeats reminders[0] (both are PT1H before the start)"));
    }

    @Test
    void refusesMoreThanFive() {
        assertThat(violations("PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H"))
                .containsExactly(new Violation("reminders", "must name at most 5 reminders"));
        assertThat(Reminders.parse(List.of("PT1H", "PT2H", "PT3H", "PT4H", "PT5H"), "reminders")
                        .leads())
                .hasSize(5);
    }

    @Test
    void holdsItsRulesWhenBuiltDirectly() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Reminders(List.of(Duration.ofHours(1), Duration.ofMinutes(60))));
        assertThatIllegalArgumentException().isThrownBy(() -> new Reminders(List.of(Duration.ZERO)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Reminders(List.of(Duration.ofDays(31))));
    }

    private static List<Violation> violations(String... written) {
        try {
            Reminders.parse(Arrays.asList(written), "reminders");
        } catch (InvalidInput refused) {
            return refused.violations();
        }
        throw new AssertionError("accepted " + Arrays.toString(written));
    }
}
