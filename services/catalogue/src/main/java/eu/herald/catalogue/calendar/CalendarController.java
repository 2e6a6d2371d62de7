package eu.herald.catalogue.calendar;

import eu.herald.calendar.CalendarEntry.Organizer;
import eu.herald.calendar.ICalendarWriter;
import eu.herald.catalogue.event.Event;
import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.event.Events;
import eu.herald.catalogue.session.Session;
import eu.herald.catalogue.session.SessionFilter;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.session.SessionScheduling;
import eu.herald.catalogue.theme.Theme;
import eu.herald.catalogue.theme.Themes;
import eu.herald.problems.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Public iCalendar feeds. Calendar clients poll them: each answer carries an ETag (over the sessions'
 * versions and the language) and Last-Modified (the latest change), so an unchanged feed costs a 304.
 */
@RestController
@Tag(name = "calendars", description = "Public iCalendar (RFC 5545) feeds")
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final SessionScheduling sessions;
    private final Events events;
    private final Themes themes;
    private final Organizer organizer;

    CalendarController(SessionScheduling sessions, Events events, Themes themes, CalendarProperties properties) {
        this.sessions = sessions;
        this.events = events;
        this.themes = themes;
        this.organizer = new Organizer(properties.organizerName(), properties.organizer());
    }

    @GetMapping("/api/sessions/{id}/calendar.ics")
    @Operation(summary = "One published or cancelled session as iCalendar")
    @Nullable
    ResponseEntity<String> session(
            @PathVariable UUID id,
            @Parameter(description = "language, overrides Accept-Language") @RequestParam(required = false) @Nullable
                    String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            WebRequest request) {
        SessionId sessionId = new SessionId(id);
        Session session = sessions.find(sessionId)
                .filter(found -> !found.status().name().equals("DRAFT"))
                .orElseThrow(() -> new NotFound("session", sessionId));
        List<String> languages = languages(lang, acceptLanguage);
        String name = session.details()
                .title()
                .preferring(languages, session.details().defaultLanguage())
                .orElse("Herald");
        return calendar(name, List.of(session), languages, request);
    }

    @GetMapping("/api/events/{id}/calendar.ics")
    @Operation(summary = "Every published or cancelled session of an event as iCalendar")
    @Nullable
    ResponseEntity<String> event(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            WebRequest request) {
        EventId eventId = new EventId(id);
        Event event = events.findById(eventId).orElseThrow(() -> new NotFound("event", eventId));
        List<String> languages = languages(lang, acceptLanguage);
        String name = event.name().preferring(languages, "en").orElse(event.slug());
        return calendar(name, sessions.all(SessionFilter.announced(eventId, null)), languages, request);
    }

    @GetMapping("/api/themes/{slug}/calendar.ics")
    @Operation(summary = "Every published or cancelled session of a theme as iCalendar")
    @Nullable
    ResponseEntity<String> theme(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            WebRequest request) {
        Theme theme = themes.findById(slug).orElseThrow(() -> new NotFound("theme", slug));
        List<String> languages = languages(lang, acceptLanguage);
        String name = theme.labels().preferring(languages, "en").orElse(slug);
        return calendar(name, sessions.all(SessionFilter.announced(null, slug)), languages, request);
    }

    private @Nullable ResponseEntity<String> calendar(
            String name, List<Session> announced, List<String> languages, WebRequest request) {
        String tag = entityTag(name, announced, languages);
        Instant lastModified = announced.stream()
                .map(Session::updatedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        if (request.checkNotModified(tag, lastModified.toEpochMilli())) {
            return null;
        }
        Map<String, Map<String, String>> labels = themes.findAll(Sort.by("slug")).stream()
                .collect(Collectors.toMap(Theme::slug, theme -> theme.labels().byLanguage()));
        Function<String, String> themeLabels = SessionEntries.labels(labels, languages);
        String body = ICalendarWriter.feed(
                name,
                announced.stream()
                        .map(session -> SessionEntries.entry(session, languages, themeLabels, organizer))
                        .toList());
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .eTag(tag)
                .lastModified(lastModified)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(body);
    }

    /** The reader's languages, most preferred first: {@code lang} alone, else those of Accept-Language. */
    static List<String> languages(@Nullable String lang, @Nullable String acceptLanguage) {
        var languages = new LinkedHashSet<String>();
        if (lang != null && !lang.isBlank()) {
            add(languages, lang.strip());
        } else if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale.LanguageRange.parse(acceptLanguage).stream()
                        .filter(range ->
                                range.getWeight() > 0 && !range.getRange().equals("*"))
                        .forEach(range -> add(languages, range.getRange()));
            } catch (IllegalArgumentException malformed) {
                // a malformed Accept-Language is no reason to refuse a calendar: default languages then
            }
        }
        return new ArrayList<>(languages);
    }

    private static void add(LinkedHashSet<String> languages, String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (!locale.toLanguageTag().equals("und")) {
            languages.add(locale.toLanguageTag());
            languages.add(locale.getLanguage());
        }
    }

    /** Changes whenever a session changes version, a session comes or goes, or another language is asked for. */
    private static String entityTag(String name, List<Session> announced, List<String> languages) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((name + "|" + languages).getBytes(StandardCharsets.UTF_8));
            announced.forEach(session ->
                    digest.update((session.id() + ":" + session.version() + ";").getBytes(StandardCharsets.UTF_8)));
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
