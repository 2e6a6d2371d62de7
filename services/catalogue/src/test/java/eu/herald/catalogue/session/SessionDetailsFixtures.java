package eu.herald.catalogue.session;

import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.shared.Texts;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The EURegionsWeek networking session as domain details. */
final class SessionDetailsFixtures {

    static final String LINK = "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4";

    private SessionDetailsFixtures() {}

    static SessionDetails networking() {
        return new SessionDetails(
                new EventId(UUID.fromString("3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40")),
                "en",
                Texts.of(Map.of(
                        "en", "Networking of cities and municipalities as a way to transfer knowledge and innovation")),
                Texts.none(),
                LocalDateTime.parse("2022-10-11T16:30"),
                LocalDateTime.parse("2022-10-11T18:00"),
                "Europe/Warsaw",
                SessionFormat.ONLINE,
                null,
                "Zoom",
                LINK,
                LINK,
                List.of("en"),
                List.of(),
                List.of("territorial-cohesion"));
    }

    /** A copy with some fields replaced, the others as in {@code details}. */
    static Builder from(SessionDetails details) {
        return new Builder(details);
    }

    static final class Builder {
        private SessionDetails d;

        private Builder(SessionDetails details) {
            this.d = details;
        }

        Builder title(Map<String, String> title) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    Texts.of(title),
                    d.description(),
                    d.start(),
                    d.end(),
                    d.zone(),
                    d.format(),
                    d.venue(),
                    d.platform(),
                    d.joinLink(),
                    d.registrationLink(),
                    d.languages(),
                    d.organisers(),
                    d.themes());
            return this;
        }

        Builder description(Map<String, String> description) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    d.title(),
                    Texts.of(description),
                    d.start(),
                    d.end(),
                    d.zone(),
                    d.format(),
                    d.venue(),
                    d.platform(),
                    d.joinLink(),
                    d.registrationLink(),
                    d.languages(),
                    d.organisers(),
                    d.themes());
            return this;
        }

        Builder time(String start, String end) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    d.title(),
                    d.description(),
                    LocalDateTime.parse(start),
                    LocalDateTime.parse(end),
                    d.zone(),
                    d.format(),
                    d.venue(),
                    d.platform(),
                    d.joinLink(),
                    d.registrationLink(),
                    d.languages(),
                    d.organisers(),
                    d.themes());
            return this;
        }

        Builder zone(String zone) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    d.title(),
                    d.description(),
                    d.start(),
                    d.end(),
                    zone,
                    d.format(),
                    d.venue(),
                    d.platform(),
                    d.joinLink(),
                    d.registrationLink(),
                    d.languages(),
                    d.organisers(),
                    d.themes());
            return this;
        }

        Builder format(SessionFormat format) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    d.title(),
                    d.description(),
                    d.start(),
                    d.end(),
                    d.zone(),
                    format,
                    d.venue(),
                    d.platform(),
                    d.joinLink(),
                    d.registrationLink(),
                    d.languages(),
                    d.organisers(),
                    d.themes());
            return this;
        }

        Builder venue(String venue) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    d.title(),
                    d.description(),
                    d.start(),
                    d.end(),
                    d.zone(),
                    d.format(),
                    venue,
                    d.platform(),
                    d.joinLink(),
                    d.registrationLink(),
                    d.languages(),
                    d.organisers(),
                    d.themes());
            return this;
        }

        Builder platform(String platform) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    d.title(),
                    d.description(),
                    d.start(),
                    d.end(),
                    d.zone(),
                    d.format(),
                    d.venue(),
                    platform,
                    d.joinLink(),
                    d.registrationLink(),
                    d.languages(),
                    d.organisers(),
                    d.themes());
            return this;
        }

        Builder links(String joinLink, String registrationLink) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    d.title(),
                    d.description(),
                    d.start(),
                    d.end(),
                    d.zone(),
                    d.format(),
                    d.venue(),
                    d.platform(),
                    joinLink,
                    registrationLink,
                    d.languages(),
                    d.organisers(),
                    d.themes());
            return this;
        }

        Builder themes(String... themes) {
            d = new SessionDetails(
                    d.eventId(),
                    d.defaultLanguage(),
                    d.title(),
                    d.description(),
                    d.start(),
                    d.end(),
                    d.zone(),
                    d.format(),
                    d.venue(),
                    d.platform(),
                    d.joinLink(),
                    d.registrationLink(),
                    d.languages(),
                    d.organisers(),
                    List.of(themes));
            return this;
        }

        SessionDetails build() {
            return d;
        }
    }
}
