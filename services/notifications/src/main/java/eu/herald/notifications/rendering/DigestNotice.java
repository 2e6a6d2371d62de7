package eu.herald.notifications.rendering;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every channel tells a reader of its daily digest, in the reader's language and time zone: how many sessions
 * changed, and for each event (under its name; "Other sessions" for those whose event is not known, last) each of
 * its sessions as a {@link Notice} tells it, with what changed since the version the reader last heard of.
 */
public final class DigestNotice {

    private final Digest digest;
    private final Locale language;
    private final Wording words;

    public DigestNotice(Digest digest) {
        this.digest = digest;
        this.language = digest.recipient().language();
        this.words = Wording.in(language);
    }

    /** The sessions of one event under its name, in the digest's order. */
    public record Group(String heading, List<Entry> entries) {}

    /**
     * One session of a digest.
     *
     * @param status "New session" or "Cancelled" when that is what happened to it; null when its changes tell it
     */
    public record Entry(
            SessionChange change, Notice notice, @Nullable String status) {

        /** Each changed field with its value before and after; none for a new or a cancelled session. */
        public List<ChangedField> changes() {
            return status == null ? notice.changes() : List.of();
        }
    }

    public Wording words() {
        return words;
    }

    /** "Daily digest: 3 changes — Miasto Płock" */
    public String subject() {
        Recipient recipient = digest.recipient();
        return Values.singleLine(words.plural("digest.subject", size(), Values.oneLine(recipient.name())));
    }

    public String intro() {
        return words.text("digest.intro");
    }

    /** "3 sessions changed: Networking of cities… and 2 more" */
    public String summary() {
        String first = digest.changes().get(0).session().title(language);
        String summary = words.plural("digest.summary", size(), Values.oneLine(first));
        return size() == 1 ? summary : summary + " " + words.plural("digest.more", size() - 1L);
    }

    public List<Group> groups() {
        Map<@Nullable UUID, List<Entry>> byEvent = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (SessionChange change : digest.changes()) {
            Session session = change.session();
            String name = session.eventName(language);
            UUID event = name == null ? null : session.eventId();
            if (event != null) {
                names.putIfAbsent(event, Values.oneLine(name));
            }
            byEvent.computeIfAbsent(event, key -> new ArrayList<>()).add(entry(change));
        }
        List<Group> groups = new ArrayList<>();
        names.forEach((event, name) -> groups.add(new Group(name, List.copyOf(byEvent.get(event)))));
        List<Entry> others = byEvent.get(null);
        if (others != null) {
            groups.add(new Group(words.text("digest.other"), List.copyOf(others)));
        }
        return groups;
    }

    private Entry entry(SessionChange change) {
        Notice notice = new Notice(change, language, digest.recipient().timeZone());
        String status = change.kind() == ChangeKind.PUBLISHED || change.kind() == ChangeKind.CANCELLED
                ? words.text("digest." + change.kind())
                : null;
        return new Entry(change, notice, status);
    }

    private int size() {
        return digest.changes().size();
    }
}
