package eu.herald.notifications.rendering;

import eu.herald.notifications.request.SessionChange;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What every channel tells a reader to remind it that a session starts soon, in the reader's language and time zone:
 * how long until it starts, its title, when and where it is, and the link to join it. Each channel lays these out
 * its own way.
 */
public final class ReminderNotice {

    private static final long MINUTES_A_DAY = Duration.ofDays(1).toMinutes();

    private final Notice notice;
    private final Wording words;
    private final String startsIn;

    /** @param lead how long before the start the reminder was asked for */
    public ReminderNotice(SessionChange change, Duration lead, Locale language, ZoneId zone) {
        this.notice = new Notice(change, language, zone);
        this.words = notice.words();
        this.startsIn = startsIn(words, lead);
    }

    public Wording words() {
        return words;
    }

    /** "Reminder: Networking of cities… starts in 1 hour" */
    public String subject() {
        return Values.singleLine(words.text("reminder.subject", notice.title(), startsIn));
    }

    /** "A session you follow starts in 1 hour." */
    public String intro() {
        return words.text("reminder.intro", startsIn);
    }

    public String title() {
        return notice.title();
    }

    public String when() {
        return notice.when();
    }

    /** Its format, venue and platform; null when the session says none of them. */
    public @Nullable String where() {
        return notice.where();
    }

    /** The join link; null for a session held only in a venue, which {@link #where()} names. */
    public @Nullable Detail join() {
        return notice.join();
    }

    /**
     * "in 15 minutes", "in 1 hour", "in 24 hours", "in 7 days": whole days from two days on, else whole hours, else
     * minutes, so that a lead is told as it was asked for and never rounded.
     */
    static String startsIn(Wording words, Duration lead) {
        long minutes = Math.max(lead.toMinutes(), 0);
        if (minutes >= 2 * MINUTES_A_DAY && minutes % MINUTES_A_DAY == 0) {
            return words.plural("lead.days", minutes / MINUTES_A_DAY);
        }
        if (minutes > 0 && minutes % 60 == 0) {
            return words.plural("lead.hours", minutes / 60);
        }
        return words.plural("lead.minutes", minutes);
    }
}
