package eu.herald.notifications.email;

import static eu.herald.notifications.SeedRequests.LINK;
import static eu.herald.notifications.SeedRequests.SESSION;
import static eu.herald.notifications.SeedRequests.TITLE_EN;
import static eu.herald.notifications.SeedRequests.TITLE_PL;
import static eu.herald.notifications.SeedRequests.newChange;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.herald.notifications.SeedDigests;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reminders and daily digests as a recipient's mail and calendar clients get them, read back from a real SMTP server
 * (GreenMail); the calendar parsed as a calendar client would (ical4j).
 */
class EmailRemindersAndDigestsIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final EmailComposer composer = new EmailComposer(EmailProperties.defaults());
    private EmailNotifier notifier;

    @BeforeEach
    void connect() {
        notifier = SmtpNotifiers.at(smtp.getSmtp().getPort(), composer, Instant.parse("2022-10-11T14:00:00Z"));
    }

    @Test
    void sendsADigestAsOneMailWithEverySessionUnderItsEvent() throws Exception {
        MimeMessage email = digest(SeedDigests.digest(SeedRequests.plock()));

        assertThat(email.getSubject()).isEqualTo("Dzienne podsumowanie: 4 zmiany — Miasto Płock");
        String text = text(email);
        assertThat(text)
                .contains("Status: Nowa sesja\n")
                .contains("Termin: wtorek, 11 października 2022, 17:00–18:30 CEST\n"
                        + "Miejsce: online, Zoom\n"
                        + "Udział: " + LINK + "\n")
                .contains("- Początek: wtorek, 11 października 2022, 16:30 CEST → wtorek, 11 października 2022,"
                        + " 17:00 CEST\n")
                .contains("Status: Sesja odwołana\n")
                .contains("Powód: Speaker ill\n")
                .contains("Otrzymują Państwo to podsumowanie, ponieważ Miasto Płock obserwuje te sesje");
        assertThat(List.of(
                        SeedDigests.EVENT_PL,
                        "Opening session",
                        TITLE_PL,
                        "Youth for cohesion",
                        "Pozostałe sesje",
                        "Green transition webinar"))
                .extracting(text::indexOf)
                .isSorted()
                .doesNotContain(-1);
        assertThat(TestSmtp.part(email, "text/html"))
                .contains("<html lang=\"pl\">")
                .contains("<h2 style=\"font-size:1.1em\">" + SeedDigests.EVENT_PL + "</h2>")
                .contains("<h3 style=\"font-size:1em\">Youth for cohesion</h3>")
                .contains("<del>wtorek, 11 października 2022, 16:30 CEST</del> → <ins>wtorek, 11 października 2022,"
                        + " 17:00 CEST</ins>")
                .contains("Miasto Płock");
    }

    @Test
    void publishesEverySessionOfTheDigestInOneCalendarPart() throws Exception {
        MimeMessage email = digest(SeedDigests.digest(SeedRequests.plock()));

        assertThat(parts(email)).isEqualTo(3);
        assertThat(TestSmtp.header(email, "Content-Type")).startsWith("multipart/alternative");
        Calendar calendar = new CalendarBuilder().build(new StringReader(TestSmtp.part(email, "text/calendar")));
        assertThat(calendar.getPropertyList().getProperty(Property.METHOD).map(Property.class::cast))
                .map(Property::getValue)
                .hasValue("PUBLISH");
        Map<String, VEvent> events = calendar.getComponentList().<VEvent>getComponents(Component.VEVENT).stream()
                .collect(Collectors.toMap(event -> value(event, Property.UID), Function.identity()));
        assertThat(events)
                .containsOnlyKeys(
                        SeedDigests.OPENING + "@herald",
                        SESSION + "@herald",
                        SeedDigests.YOUTH + "@herald",
                        SeedDigests.WEBINAR + "@herald");
        assertThat(value(events.get(SeedDigests.YOUTH + "@herald"), Property.STATUS))
                .isEqualTo("CANCELLED");
        assertThat(value(events.get(SESSION + "@herald"), Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(events.get(SESSION + "@herald"), Property.SEQUENCE)).isEqualTo("2");
        assertThat(events.get(SESSION + "@herald")
                        .getStartDate()
                        .orElseThrow()
                        .getDate()
                        .toString())
                .startsWith("2022-10-11T17:00");
        assertThat(events.values())
                .allSatisfy(event ->
                        assertThat(event.getProperty(Property.ATTENDEE)).isEmpty());
        assertThat(((MimeMultipart) email.getContent()).getBodyPart(2).getContentType())
                .startsWith("text/calendar")
                .contains("method=PUBLISH");
    }

    @Test
    void writesAPortugueseDigestInPortugueseWithLisbonTime() throws Exception {
        MimeMessage email = digest(SeedDigests.digest(SeedRequests.fundao()));

        assertThat(email.getSubject()).isEqualTo("Resumo diário: 4 alterações — Município do Fundão");
        assertThat(text(email))
                .contains(SeedDigests.EVENT_PT + "\n")
                .contains("Outras sessões\n")
                .contains("Data e hora: terça-feira, 11 de outubro de 2022, 16:00–17:30 WEST\n")
                .contains("Horas indicadas no fuso horário Europe/Lisbon.");
    }

    @Test
    void remindsWithTheJoinLinkAndWithoutACalendarPart() throws Exception {
        Endpoint endpoint = endpoint();
        NotificationRequest request = SeedRequests.rescheduled(newChange(), SeedRequests.plock(), endpoint);

        MimeMessage email = remind(request, Duration.ofHours(1));

        assertThat(email.getSubject()).isEqualTo("Przypomnienie: " + TITLE_PL + " zaczyna się za 1 godzinę");
        assertThat(text(email))
                .contains("Sesja, którą Państwo obserwują, zaczyna się za 1 godzinę.\n")
                .contains("Termin: wtorek, 11 października 2022, 17:00–18:30 CEST\n")
                .contains("Udział: " + LINK + "\n")
                .doesNotContain("Co się zmieniło");
        assertThat(TestSmtp.part(email, "text/html")).contains("<a href=\"" + LINK + "\">");
        assertThat(parts(email)).isEqualTo(2);
    }

    @Test
    void remindsOfASessionOnSiteWithItsVenue() throws Exception {
        Endpoint endpoint = endpoint();
        Recipient reader = SeedRequests.inEnglish();
        NotificationRequest request = new NotificationRequest(
                SeedRequests.published(newChange(), reader, endpoint).id(),
                SeedDigests.published(SeedDigests.session(
                        SeedDigests.OPENING, 1, "Opening session", "2022-10-10T10:00", null, null, null)),
                reader,
                List.of(endpoint));

        MimeMessage email = remind(request, Duration.ofHours(24));

        assertThat(email.getSubject()).isEqualTo("Reminder: Opening session starts in 24 hours");
        assertThat(text(email))
                .contains("When: Monday 10 October 2022, 10:00–11:00 CEST\n")
                .contains("Where: on site, " + SeedDigests.VENUE + "\n")
                .doesNotContain("Join:");
    }

    @Test
    void givesAReminderItsOwnMessageIdBesideTheChangesMail() throws Exception {
        Endpoint endpoint = endpoint();
        NotificationRequest request = SeedRequests.published(newChange(), SeedRequests.inEnglish(), endpoint);
        DeliveryId change = DeliveryId.of(request.change().id(), endpoint.id());

        assertThat(notifier.send(change, request, endpoint)).isInstanceOf(Delivered.class);
        MimeMessage reminder = remind(request, Duration.ofMinutes(15));

        assertThat(reminder.getSubject()).isEqualTo("Reminder: " + TITLE_EN + " starts in 15 minutes");
        assertThat(reminder.getMessageID()).isNotEqualTo("<" + change + "@herald>");
        assertThat(received("<" + change + "@herald>")).isNotNull();
    }

    private MimeMessage digest(Digest digest) {
        Endpoint endpoint = endpoint();
        DeliveryId delivery = DeliveryId.digest(endpoint.id(), digest.at());
        DeliveryResult result = notifier.sendDigest(delivery, digest, endpoint);
        assertThat(result).isInstanceOf(Delivered.class);
        assertThat(smtp.getReceivedMessagesForDomain(domain(endpoint))).hasSize(1);
        return received("<" + delivery + "@herald>");
    }

    private MimeMessage remind(NotificationRequest request, Duration lead) {
        Endpoint endpoint = request.endpoints().get(0);
        DeliveryId delivery = DeliveryId.reminder(request.change().id(), endpoint.id(), lead);
        assertThat(notifier.remind(delivery, request, endpoint, lead)).isInstanceOf(Delivered.class);
        return received("<" + delivery + "@herald>");
    }

    private static MimeMessage received(String messageId) {
        List<MimeMessage> messages = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> messageId.equals(TestSmtp.header(message, "Message-ID")))
                .toList();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** The text part with the line breaks as they were written: SMTP carries them as CRLF. */
    private static String text(MimeMessage email) {
        return TestSmtp.text(email).replace("\r\n", "\n");
    }

    private static int parts(MimeMessage email) throws Exception {
        return ((MimeMultipart) email.getContent()).getCount();
    }

    /** Each test's own domain, so that what one mail box received tells one delivery. */
    private static Endpoint endpoint() {
        return SeedRequests.email(
                "powiadomienia@" + UUID.randomUUID().toString().substring(0, 8) + ".example");
    }

    private static String domain(Endpoint endpoint) {
        String address = String.valueOf(endpoint.address());
        return address.substring(address.indexOf('@') + 1);
    }

    private static String value(Component component, String name) {
        return component
                .getProperty(name)
                .map(Property.class::cast)
                .map(Property::getValue)
                .orElseThrow();
    }
}
