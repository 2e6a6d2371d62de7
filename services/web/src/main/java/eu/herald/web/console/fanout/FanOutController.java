package eu.herald.web.console.fanout;

import eu.herald.web.api.Services;
import eu.herald.web.console.Programme;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The fan-out of one version of a session: per channel, how many deliveries were sent, are held, pending, retrying
 * or dead. The page shows it as it is and follows it live from its stream of server-sent events; {@code expected}
 * is the number of endpoints the preview counted, so that the page does not call it done before all arrived.
 */
@Controller
class FanOutController {

    private final Programme programme;
    private final Services services;
    private final FanOutStreams streams;
    private final MessageSource messages;

    FanOutController(Programme programme, Services services, FanOutStreams streams, MessageSource messages) {
        this.programme = programme;
        this.services = services;
        this.streams = streams;
        this.messages = messages;
    }

    @GetMapping("/console/sessions/{id}/versions/{version}/fan-out")
    String fanOut(
            @PathVariable UUID id,
            @PathVariable int version,
            @RequestParam(required = false) @Nullable Integer expected,
            Model model,
            Locale locale) {
        Progress progress = progress(services.notifications(), id, version);
        boolean settled = expected != null && progress.total() >= expected;
        FanOutStatus status = FanOutStatus.of(progress, expected, settled, messages, locale);
        model.addAttribute("sessionView", programme.session(id));
        model.addAttribute("version", version);
        model.addAttribute("expected", expected);
        model.addAttribute("progress", progress);
        model.addAttribute("status", status);
        return "console/fan-out";
    }

    @GetMapping(
            path = "/console/sessions/{id}/versions/{version}/fan-out/stream",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @PathVariable UUID id,
            @PathVariable int version,
            @RequestParam(required = false) @Nullable Integer expected,
            @RegisteredOAuth2AuthorizedClient("herald") OAuth2AuthorizedClient signedIn,
            Locale locale) {
        RestClient notifications = services.notificationsWith(signedIn.getAccessToken());
        Settling settling = new Settling(expected);
        return streams.follow(
                () -> progress(notifications, id, version),
                progress -> FanOutStatus.of(progress, expected, settling.settled(progress), messages, locale));
    }

    private static Progress progress(RestClient notifications, UUID id, int version) {
        return Objects.requireNonNull(notifications
                .get()
                .uri("/api/operator/sessions/{id}/progress?version={version}", id, version)
                .retrieve()
                .body(Progress.class));
    }
}
