package eu.herald.subscriptions.subscription;

import eu.herald.problems.InvalidInput;
import eu.herald.problems.Violation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How long before a session starts a subscription wants it recalled: at most {@value #MOST} lead times, each
 * longer than zero and at most {@link #LONGEST}, no two the same, longest first.
 */
public record Reminders(List<Duration> leads) {

    public static final int MOST = 5;
    public static final Duration LONGEST = Duration.ofDays(30);

    public Reminders {
        leads = leads.stream().sorted(Comparator.reverseOrder()).toList();
        if (leads.size() > MOST) {
            throw new IllegalArgumentException("at most " + MOST + " reminders");
        }
        for (int i = 0; i < leads.size(); i++) {
            Duration lead = leads.get(i);
            if (lead.isNegative() || lead.isZero() || lead.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("a reminder's lead time must be within (0, P30D]: " + lead);
            }
            if (i > 0 && lead.equals(leads.get(i - 1))) {
                throw new IllegalArgumentException("the reminder " + lead + " repeats");
            }
        }
    }

    public static Reminders none() {
        return new Reminders(List.of());
    }

    /**
     * The lead times a client wrote as ISO-8601 durations ({@code PT24H}, {@code P1D}, {@code PT90M}), or {@link
     * InvalidInput} naming each one ({@code field[index]}) that does not parse, is not longer than zero, is longer
     * than 30 days or repeats another (after parsing: PT60M is PT1H), and {@code field} when there are too many.
     * Null: none.
     */
    public static Reminders parse(@Nullable List<String> written, String field) {
        if (written == null) {
            return none();
        }
        List<Violation> errors = new ArrayList<>();
        if (written.size() > MOST) {
            errors.add(new Violation(field, "must name at most " + MOST + " reminders"));
        }
        List<Duration> leads = new ArrayList<>();
        Map<Duration, Integer> seen = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            String at = field + "[" + i + "]";
            Duration lead = lead(written.get(i));
            if (lead == null) {
                errors.add(new Violation(
                        at, "must be an ISO-8601 duration in days, hours, minutes or seconds, such as PT1H or P1D"));
            } else if (lead.isNegative() || lead.isZero()) {
                errors.add(new Violation(at, "must be longer than zero"));
            } else if (lead.compareTo(LONGEST) > 0) {
                errors.add(new Violation(at, "must be at most P30D (30 days)"));
            } else if (seen.containsKey(lead)) {
                errors.add(new Violation(
                        at, "repeats " + field + "[" + seen.get(lead) + "] (both are " + lead + " before the start)"));
            } else {
                seen.put(lead, i);
                leads.add(lead);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("The reminders are invalid.", errors);
        }
        return new Reminders(leads);
    }

    /** The lead times in the normalised ISO-8601 form ({@code PT24H} for P1D), longest first. */
    public List<String> written() {
        return leads.stream().map(Duration::toString).toList();
    }

    private static @Nullable Duration lead(@Nullable String written) {
        if (written == null) {
            return null;
        }
        try {
            return Duration.parse(written.strip());
        } catch (DateTimeParseException notADuration) {
            return null;
        }
    }
}
