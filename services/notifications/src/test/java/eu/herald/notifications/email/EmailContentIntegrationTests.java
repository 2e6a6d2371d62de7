package eu.herald.notifications.email;

import static eu.herald.notifications.SeedRequests.LINK;
import static eu.herald.notifications.SeedRequests.SESSION;
import static eu.herald.notifications.SeedRequests.TITLE_EN;
import static eu.herald.notifications.SeedRequests.TITLE_PL;
import static eu.herald.notifications.SeedRequests.WARSAW;
import static eu.herald.notifications.SeedRequests.fundao;
import static eu.herald.notifications.SeedRequests.inEnglish;
import static eu.herald.notifications.SeedRequests.newChange;
import static eu.herald.notifications.SeedRequests.plock;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Session;
import eu.herald.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a recipient's mail and calendar clients get, read back from a real SMTP server (GreenMail): the text, the
 * HTML and the iCalendar entry, parsed as a calendar client would (ical4j).
 */
class EmailContentIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String MOVED_LINK = "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/NEW";

    private final EmailComposer composer = new EmailComposer(EmailProperties.defaults());

    @Test
    void writesToAPolishMunicipalityInPolishWithWarsawTimeInTextAndHtml() throws Exception {
        MimeMessage email = send(SeedRequests.rescheduled(newChange(), plock(), endpoint()));

        assertThat(email.getContentType()).startsWith("multipart/alternative");
        assertThat(email.getSubject()).isEqualTo("Zmiana terminu: " + TITLE_PL);
        assertThat(TestSmtp.text(email))
                .contains("Termin: wtorek, 11 października 2022, 17:00–18:30 CEST")
                .contains("Początek: wtorek, 11 października 2022, 16:30 CEST → wtorek, 11 października 2022,"
                        + " 17:00 CEST")
                .contains("Miasto Płock");
        assertThat(TestSmtp.part(email, "text/html"))
                .contains("<html lang=\"pl\">")
                .contains("17:00–18:30 CEST")
                .contains("<del>wtorek, 11 października 2022, 16:30 CEST</del> → <ins>wtorek, 11 października 2022,"
                        + " 17:00 CEST</ins>")
                .contains("Miasto Płock");
    }

    @Test
    void writesToAPortugueseMunicipalityInPortugueseWithLisbonTime() throws Exception {
        MimeMessage email = send(SeedRequests.published(newChange(), fundao(), endpoint()));

        assertThat(email.getSubject()).isEqualTo("Nova sessão: " + TITLE_EN);
        assertThat(TestSmtp.text(email)).contains("Data e hora: terça-feira, 11 de outubro de 2022, 15:30–17:00 WEST");
        assertThat(TestSmtp.part(email, "text/html"))
                .contains("15:30–17:00 WEST")
                .contains("Município do Fundão");
    }

    @Test
    void writesToAnEnglishReaderInEnglishWithBrusselsTime() throws Exception {
        MimeMessage email = send(SeedRequests.rescheduled(newChange(), inEnglish(), endpoint()));

        assertThat(email.getSubject()).isEqualTo("Rescheduled: " + TITLE_EN);
        assertThat(TestSmtp.text(email))
                .contains("When: Tuesday 11 October 2022, 17:00–18:30 CEST")
                .contains("Start: Tuesday 11 October 2022, 16:30 CEST → Tuesday 11 October 2022, 17:00 CEST");
    }

    @Test
    void saysWhatChangedForEveryKindOfChange() throws Exception {
        Recipient reader = inEnglish();
        MimeMessage relocated = send(request(
                ChangeKind.RELOCATED,
                session(3, MOVED_LINK, null),
                Map.of("joinLink", LINK),
                List.of("joinLink"),
                reader));
        MimeMessage updated = send(request(
                ChangeKind.UPDATED,
                session(4, LINK, null),
                Map.of("title", Map.of("en", "Networking of cities")),
                List.of("title"),
                reader));
        MimeMessage cancelled = send(request(
                ChangeKind.CANCELLED,
                session(5, LINK, "The speakers cannot attend"),
                Map.of("status", "PUBLISHED"),
                List.of("status"),
                reader));

        assertThat(relocated.getSubject()).isEqualTo("New location: " + TITLE_EN);
        assertThat(TestSmtp.text(relocated)).contains("Join link: " + LINK + " → " + MOVED_LINK);
        assertThat(updated.getSubject()).isEqualTo("Updated: " + TITLE_EN);
        assertThat(TestSmtp.text(updated)).contains("Title: Networking of cities → " + TITLE_EN);
        assertThat(cancelled.getSubject()).isEqualTo("Cancelled: " + TITLE_EN);
        assertThat(TestSmtp.text(cancelled))
                .contains("Reason: The speakers cannot attend")
                .contains("Status: published → cancelled")
                .doesNotContain("Join:");
    }

    @Test
    void carriesACalendarEntryThatCalendarClientsAddMoveAndRemove() throws Exception {
        Endpoint endpoint = endpoint();
        Calendar published = calendar(send(SeedRequests.published(newChange(), plock(), endpoint)));
        Calendar rescheduled = calendar(send(SeedRequests.rescheduled(newChange(), plock(), endpoint)));
        Calendar cancelled = calendar(send(request(
                ChangeKind.CANCELLED,
                session(3, LINK, "The speakers cannot attend"),
                Map.of("status", "PUBLISHED"),
                List.of("status"),
                plock())));

        assertThat(property(published, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(property(rescheduled, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(property(cancelled, Property.METHOD)).isEqualTo("CANCEL");
        VEvent first = event(published);
        VEvent moved = event(rescheduled);
        VEvent removed = event(cancelled);
        assertThat(List.of(first, moved, removed))
                .extracting(event -> value(event, Property.UID))
                .containsOnly(SESSION + "@herald");
        assertThat(List.of(first, moved, removed))
                .extracting(event -> Integer.parseInt(value(event, Property.SEQUENCE)))
                .containsExactly(1, 2, 3);
        assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(removed, Property.STATUS)).isEqualTo("CANCELLED");
        Property start =
                moved.getProperty(Property.DTSTART).map(Property.class::cast).orElseThrow();
        assertThat(start.getParameter("TZID").map(Object::toString)).hasValue("TZID=Europe/Warsaw");
        assertThat(moved.getStartDate().orElseThrow().getDate().toString()).startsWith("2022-10-11T17:00");
        assertThat(value(moved, Property.URL)).isEqualTo(LINK);
        assertThat(value(moved, Property.LOCATION)).isEqualTo(LINK);
        assertThat(value(moved, Property.SUMMARY)).isEqualTo(TITLE_PL);
        assertThat(value(moved, Property.ATTENDEE)).isEqualToIgnoringCase("mailto:" + endpoint.address());
        List<CalendarComponent> zones = rescheduled.getComponentList().getComponents(Component.VTIMEZONE);
        assertThat(zones).hasSize(1);
        assertThat(value(zones.get(0), Property.TZID)).isEqualTo("Europe/Warsaw");
    }

    @Test
    void escapesCatalogueContentInHtmlAndCalendar() throws Exception {
        Session hostile = new Session(
                SESSION,
                2,
                "PUBLISHED",
                "en",
                Map.of("en", "<script>alert('x')</script> Cities & regions; \"networking\", part 2"),
                Map.of("en", "Line one\nBEGIN:VALARM"),
                LocalDateTime.parse("2022-10-11T17:00"),
                LocalDateTime.parse("2022-10-11T18:30"),
                WARSAW,
                "ONLINE",
                "<b>Room</b>",
                "Zoom",
                "javascript:alert(1)",
                null,
                List.of(),
                null,
                null,
                null,
                null,
                Map.of());
        MimeMessage email = send(request(ChangeKind.UPDATED, hostile, Map.of(), List.of(), inEnglish()));

        String html = TestSmtp.part(email, "text/html");
        assertThat(html)
                .doesNotContain("<script>")
                .doesNotContain("<b>Room</b>")
                .doesNotContain("href=\"javascript:")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Cities &amp; regions");
        VEvent event = event(calendar(email));
        assertThat(value(event, Property.SUMMARY))
                .isEqualTo("<script>alert('x')</script> Cities & regions; \"networking\", part 2");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Line one\nBEGIN:VALARM");
        assertThat(event.getComponentList().getAll()).isEmpty();
    }

    @Test
    void offersOneClickUnsubscribeAndAMailtoWithoutLettingTheUrlAddHeaders() throws Exception {
        Endpoint signed = new Endpoint(
                new EndpointId(UUID.randomUUID()),
                Channel.EMAIL,
                "powiadomienia@plock.example",
                "https://herald.example/unsubscribe/abc.def");
        Endpoint injected = new Endpoint(
                new EndpointId(UUID.randomUUID()),
                Channel.EMAIL,
                "powiadomienia@plock.example",
                "https://herald.example/u\r\nBcc: mayor@victims.example");

        MimeMessage oneClick = send(SeedRequests.published(newChange(), plock(), signed), signed);
        MimeMessage withoutUrl = send(SeedRequests.published(newChange(), plock(), injected), injected);

        assertThat(oneClick.getHeader("List-Unsubscribe", null))
                .startsWith("<https://herald.example/unsubscribe/abc.def>, <mailto:unsubscribe@herald.local?");
        assertThat(oneClick.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(withoutUrl.getHeader("List-Unsubscribe", null)).startsWith("<mailto:");
        assertThat(withoutUrl.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(withoutUrl.getHeader("Bcc")).isNull();
        assertThat(smtp.getReceivedMessagesForDomain("victims.example")).isEmpty();
    }

    private static Endpoint endpoint() {
        return SeedRequests.email(
                "powiadomienia-" + UUID.randomUUID().toString().substring(0, 8) + "@plock.example");
    }

    private static Session session(int version, String joinLink, @Nullable String cancellation) {
        return new Session(
                SESSION,
                version,
                cancellation == null ? "PUBLISHED" : "CANCELLED",
                "en",
                Map.of("en", TITLE_EN, "pl", TITLE_PL),
                Map.of(),
                LocalDateTime.parse("2022-10-11T17:00"),
                LocalDateTime.parse("2022-10-11T18:30"),
                WARSAW,
                "ONLINE",
                null,
                "Zoom",
                joinLink,
                LINK,
                List.of("territorial-cohesion"),
                cancellation,
                null,
                null,
                null,
                Map.of());
    }

    private static NotificationRequest request(
            ChangeKind kind,
            Session session,
            Map<String, @Nullable Object> previous,
            List<String> changed,
            Recipient recipient) {
        return SeedRequests.request(newChange(), kind, session, previous, changed, recipient, endpoint());
    }

    private MimeMessage send(NotificationRequest request) throws Exception {
        return send(request, request.endpoints().get(0));
    }

    private MimeMessage send(NotificationRequest request, Endpoint endpoint) throws Exception {
        DeliveryId delivery = DeliveryId.of(request.change().id(), endpoint.id());
        assertThat(notifier().send(delivery, request, endpoint)).isInstanceOf(Delivered.class);
        String messageId = "<" + delivery + "@herald>";
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> messageId.equals(TestSmtp.header(message, "Message-ID")))
                .findFirst()
                .orElseThrow();
    }

    private EmailNotifier notifier() {
        return SmtpNotifiers.at(smtp.getSmtp().getPort(), composer, Instant.parse("2022-10-05T09:12:45Z"));
    }

    private static Calendar calendar(MimeMessage email) throws Exception {
        assertThat(TestSmtp.header(email, "Content-Type")).startsWith("multipart/alternative");
        return new CalendarBuilder().build(new StringReader(TestSmtp.part(email, "text/calendar")));
    }

    private static VEvent event(Calendar calendar) {
        return calendar.getComponentList()
                .<VEvent>getComponent(Component.VEVENT)
                .orElseThrow();
    }

    private static String property(Calendar calendar, String name) {
        return calendar.getPropertyList()
                .getProperty(name)
                .map(Property.class::cast)
                .map(Property::getValue)
                .orElseThrow();
    }

    private static String value(Component component, String name) {
        return component
                .getProperty(name)
                .map(Property.class::cast)
                .map(Property::getValue)
                .orElseThrow();
    }
}
