package eu.herald.subscriptions.matching.web;

import eu.herald.subscriptions.matching.Audience;
import eu.herald.subscriptions.matching.AudienceSize;
import eu.herald.subscriptions.matching.ChangeCriteria;
import eu.herald.subscriptions.subscription.ChangeKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators ({@code subscriptions:audience}) see how far a change of a session would reach before making it. */
@RestController
class AudienceController {

    private final Audience audience;

    AudienceController(Audience audience) {
        this.audience = audience;
    }

    @PostMapping("/api/audience")
    @Operation(
            summary = "Count who a session change would notify",
            description = "A dry run of the matcher for a change of this kind to a session with this event and"
                    + " these themes: the municipalities it would send a notification request to, and the active"
                    + " endpoints those requests would name, by channel. Nothing is sent or stored. 400 without"
                    + " sessionId or kind.")
    AudienceSize count(@Valid @RequestBody AudienceQuery query) {
        return audience.of(query.criteria());
    }

    /**
     * @param eventId the session's event; null or left out when it belongs to none
     * @param themes the session's theme slugs; left out for none
     */
    record AudienceQuery(
            @NotNull UUID sessionId,
            @Nullable UUID eventId,
            @Nullable List<@NotNull String> themes,
            @NotNull ChangeKind kind) {

        ChangeCriteria criteria() {
            return new ChangeCriteria(
                    Objects.requireNonNull(sessionId),
                    eventId,
                    themes == null ? List.of() : themes,
                    Objects.requireNonNull(kind));
        }
    }
}
