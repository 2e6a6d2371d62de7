package eu.herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import eu.herald.notifications.delivery.DeliveryAttempted;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.Dispatch;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.webpush.PushServiceDouble;
import eu.herald.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalogue content that tries everything (markup, quotes, ampersands, line breaks with a header behind them, the
 * iCalendar separators and backslashes) through every channel of one request in the running service: the email is
 * escaped in HTML, keeps every header line its own (nothing injected, nobody added), is escaped as iCalendar TEXT
 * and reads back equal with a calendar parser; the web push notification and the webhook CloudEvent are JSON that
 * parses back to the very text.
 */
class CatalogueContentEscapingIntegrationTests extends IntegrationTestSupport {

    private static final String VICTIMS =
            "victims-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    private static final String TITLE = "<script>alert(\"x\")</script> Cities & regions; \"networking\", part 2"
            + " \\ C:\\temp\r\nBcc: mayor@" + VICTIMS + "\r\nX-Injected: yes";
    private static final String DESCRIPTION = "Line one; two, three \\ four\nBEGIN:VALARM\n<b>\"&\"</b>";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Dispatch dispatch;

    @Test
    void escapesHostileCatalogueContentInEveryChannel() throws Exception {
        EveryChannel endpoints = everyChannel("/escaping");
        ChangeId change = SeedRequests.newChange();
        NotificationRequest request = SeedRequests.request(
                change, ChangeKind.UPDATED, hostile(), Map.of(), List.of(), SeedRequests.inEnglish(), endpoints.all());

        List<DeliveryAttempted> attempts = dispatch.dispatch(List.of(request));

        assertThat(attempts)
                .extracting(DeliveryAttempted::status)
                .containsOnly(DeliveryStatus.SENT)
                .hasSize(3);
        String oneLine = TITLE.replaceAll("[\\r\\n]+", " ");

        MimeMessage message = TestSmtp.to(endpoints.email().address()).get(0);
        assertThat(message.getSubject()).isEqualTo("Updated: " + oneLine);
        assertThat(message.getHeader("X-Injected")).isNull();
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(GreenMailUtil.getHeaders(message))
                .doesNotContain("\nX-Injected")
                .doesNotContain("\nBcc");
        assertThat(TestSmtp.forDomain(VICTIMS)).isEmpty();
        // the title is one line of the text, whatever line breaks it came with
        assertThat(TestSmtp.text(message).lines()).contains(oneLine).doesNotContain("X-Injected: yes");
        assertThat(TestSmtp.part(message, "text/html"))
                .doesNotContain("<script>")
                .doesNotContain("<b>")
                .contains(
                        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Cities &amp; regions; &quot;networking&quot;");
        VEvent event = new CalendarBuilder()
                .build(new StringReader(TestSmtp.part(message, "text/calendar")))
                .getComponentList()
                .<VEvent>getComponent(Component.VEVENT)
                .orElseThrow();
        assertThat(value(event, Property.SUMMARY)).isEqualTo(oneLine);
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo(DESCRIPTION);
        assertThat(event.getComponentList().getAll()).as("no alarm smuggled in").isEmpty();
        assertThat(TestSmtp.part(message, "text/calendar"))
                .contains("C:\\\\temp")
                .contains("regions\\;");

        JsonNode notification =
                PushServiceDouble.shared().received(endpoints.browser()).get(0).notification();
        assertThat(notification).as("the push payload is JSON").isNotNull();
        // the notification is kept small, so a long title is shortened; what it has is the text itself
        String title = notification.get("title").asString();
        assertThat(title).startsWith("Updated: <script>alert(\"x\")</script> Cities & regions; \"networking\"");
        assertThat(("Updated: " + oneLine).startsWith(title.replace("…", ""))).isTrue();

        JsonNode cloudEvent =
                JSON.readTree(webhooks.received("/escaping").get(0).text());
        JsonNode session = cloudEvent.get("data").get("session");
        assertThat(session.get("title").get("en").asString()).isEqualTo(TITLE);
        assertThat(session.get("description").get("en").asString()).isEqualTo(DESCRIPTION);
        assertThat(session.get("venue").asString()).isEqualTo("<b>Room & \"hall\"</b>\r\nX: y");
    }

    private static Session hostile() {
        LocalDateTime start = LocalDateTime.now(SeedRequests.WARSAW).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        return new Session(
                SeedRequests.SESSION,
                2,
                "PUBLISHED",
                "en",
                Map.of("en", TITLE),
                Map.of("en", DESCRIPTION),
                start,
                start.plusHours(2),
                SeedRequests.WARSAW,
                "HYBRID",
                "<b>Room & \"hall\"</b>\r\nX: y",
                "Zoom",
                SeedRequests.LINK,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                Map.of());
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getProperty(name).orElseThrow().getValue();
    }
}
