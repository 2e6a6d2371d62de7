package eu.herald.catalogue.session.web;

import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.session.SessionDetails;
import eu.herald.catalogue.session.SessionFormat;
import eu.herald.catalogue.shared.Texts;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/sessions} and {@code PUT /api/sessions/{id}}: a session's whole details; what
 * {@code PATCH /api/sessions/{id}} merges its patch into.
 */
record SessionRequest(
        @Schema(description = "Event the session belongs to; must exist") @Nullable
        UUID eventId,

        @Schema(description = "Language of the required title", defaultValue = "en") @Nullable
        String defaultLanguage,

        @Schema(
                description = "Title per language tag; required in the default language",
                example = "{\"en\": \"Networking of cities\"}")
        @Nullable
        Map<String, String> title,

        @Nullable Map<String, String> description,

        @Schema(description = "Local start in zone", example = "2022-10-11T16:30") @NotNull @Nullable
        LocalDateTime start,

        @Schema(description = "Local end in zone, after start", example = "2022-10-11T18:00") @NotNull @Nullable
        LocalDateTime end,

        @Schema(description = "IANA time zone", example = "Europe/Warsaw") @NotBlank @Nullable
        String zone,

        @Nullable SessionFormat format,
        @Nullable String platform,
        @Nullable String venue,
        @Schema(description = "http or https URL") @Nullable String joinLink,
        @Schema(description = "http or https URL") @Nullable String registrationLink,

        @Schema(description = "Spoken languages", example = "[\"en\"]") @Nullable
        List<String> languages,

        @Nullable List<String> organisers,

        @Schema(description = "Theme slugs; must be known", example = "[\"territorial-cohesion\"]") @Nullable
        List<String> themes) {

    private static final String DEFAULT_LANGUAGE = "en";

    /** Only called once bean validation passed, so start, end and zone are present. */
    SessionDetails details() {
        return new SessionDetails(
                eventId == null ? null : new EventId(eventId),
                defaultLanguage == null || defaultLanguage.isBlank() ? DEFAULT_LANGUAGE : defaultLanguage,
                Texts.of(title),
                Texts.of(description),
                Objects.requireNonNull(start),
                Objects.requireNonNull(end),
                Objects.requireNonNull(zone),
                format,
                venue,
                platform,
                joinLink,
                registrationLink,
                orEmpty(languages),
                orEmpty(organisers),
                orEmpty(themes));
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream().filter(Objects::nonNull).toList();
    }
}
