package eu.herald.notifications.rendering;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What every channel tells a reader of one change, in the reader's language and time zone: the subject, what
 * happened, the session's title, when and where it is, its links or the reason of its cancellation, and what
 * changed. Each channel lays these out its own way.
 */
public final class Notice {

    private final SessionChange change;
    private final Session session;
    private final Locale language;
    private final Wording words;
    private final LocalTimes times;

    public Notice(SessionChange change, Locale language, ZoneId zone) {
        this.change = change;
        this.session = change.session();
        this.language = language;
        this.words = Wording.in(language);
        this.times = new LocalTimes(zone, words.text("date.pattern"), language);
    }

    public Wording words() {
        return words;
    }

    public String subject() {
        return Values.singleLine(words.text("subject." + change.kind(), session.title(language)));
    }

    /** What happened to the session, in a sentence. */
    public String intro() {
        return words.text("intro." + change.kind());
    }

    public String title() {
        return Values.oneLine(session.title(language));
    }

    public String when() {
        return times.span(times.at(session.start(), session.zone()), times.at(session.end(), session.zone()));
    }

    public @Nullable String where() {
        StringJoiner where = new StringJoiner(", ");
        Stream.of(session.format() == null ? null : words.format(session.format()), session.venue(), session.platform())
                .filter(Objects::nonNull)
                .map(Values::oneLine)
                .filter(part -> !part.isEmpty())
                .forEach(where::add);
        return where.length() == 0 ? null : where.toString();
    }

    /** Join and registration links, or the reason of a cancellation. */
    public List<Detail> details() {
        List<Detail> details = new ArrayList<>();
        if (change.kind() != ChangeKind.CANCELLED) {
            Stream.of(join(), link(words.text("label.registration"), session.registrationLink()))
                    .filter(Objects::nonNull)
                    .forEach(details::add);
        } else if (session.cancellationReason() != null
                && !session.cancellationReason().isBlank()) {
            details.add(new Detail(words.text("label.reason"), Values.oneLine(session.cancellationReason()), false));
        }
        return details;
    }

    /** The link to join the session, or null when it has none (a session held only in a venue). */
    public @Nullable Detail join() {
        return link(words.text("label.join"), session.joinLink());
    }

    private static @Nullable Detail link(String label, @Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String web = Values.webUrl(url);
        return new Detail(label, web != null ? web : Values.oneLine(url), web != null);
    }

    /** Each changed field with its value before and after; none for a publication. */
    public List<ChangedField> changes() {
        if (change.kind() == ChangeKind.PUBLISHED) {
            return List.of();
        }
        WhatChanged what = new WhatChanged(change, language, words, times);
        return change.changedFields().stream().map(what::field).toList();
    }
}
