package eu.herald.notifications.email;

import static eu.herald.notifications.SeedRequests.LINK;
import static eu.herald.notifications.SeedRequests.TITLE_EN;
import static eu.herald.notifications.SeedRequests.TITLE_PL;
import static eu.herald.notifications.SeedRequests.email;
import static eu.herald.notifications.SeedRequests.fundao;
import static eu.herald.notifications.SeedRequests.inEnglish;
import static eu.herald.notifications.SeedRequests.newChange;
import static eu.herald.notifications.SeedRequests.plock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.email.EmailMessage.CalendarPart;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Session;
import jakarta.mail.internet.InternetAddress;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailComposerTests {

    private final EmailComposer composer = new EmailComposer(EmailProperties.defaults());

    @Test
    void derivesTheMessageIdFromTheDeliveryId() {
        Endpoint endpoint = email("powiadomienia@plock.example");
        ChangeId change = newChange();
        DeliveryId delivery = DeliveryId.of(change, endpoint.id());

        EmailMessage message =
                composer.compose(delivery, SeedRequests.rescheduled(change, plock(), endpoint), endpoint);

        assertThat(message.messageId()).isEqualTo("<" + delivery.value() + "@herald>");
        assertThat(composer.compose(delivery, SeedRequests.rescheduled(change, plock(), endpoint), endpoint)
                        .messageId())
                .isEqualTo(message.messageId());
        assertThat(message.to().getAddress()).isEqualTo("powiadomienia@plock.example");
        assertThat(message.from().getAddress()).isEqualTo("noreply@herald.local");
        assertThat(message.from().getPersonal()).isEqualTo("Herald");
    }

    @Test
    void tellsAPolishRecipientWhatChangedInPolishAndWarsawTime() {
        EmailMessage message = compose(SeedRequests.rescheduled(newChange(), plock(), email("a@plock.example")));

        assertThat(message.subject()).isEqualTo("Zmiana terminu: " + TITLE_PL);
        assertThat(message.text())
                .startsWith("Dzień dobry,\n\nZmienił się termin sesji, którą Państwo obserwują.\n\n" + TITLE_PL + "\n")
                .contains("Termin: wtorek, 11 października 2022, 17:00–18:30 CEST\n")
                .contains("Miejsce: online, Zoom\n")
                .contains("Udział: " + LINK + "\n")
                .contains("Co się zmieniło:\n"
                        + "- Początek: wtorek, 11 października 2022, 16:30 CEST → wtorek, 11 października 2022,"
                        + " 17:00 CEST\n"
                        + "- Koniec: wtorek, 11 października 2022, 18:00 CEST → wtorek, 11 października 2022,"
                        + " 18:30 CEST\n")
                .contains("Godziny podano w strefie czasowej Europe/Warsaw.")
                .contains("ponieważ Miasto Płock obserwuje tę sesję");
    }

    @Test
    void tellsAPortugueseRecipientInPortugueseAndLisbonTimeWithTheTitleInTheDefaultLanguage() {
        EmailMessage message = compose(SeedRequests.published(newChange(), fundao(), email("a@fundao.example")));

        assertThat(message.subject()).isEqualTo("Nova sessão: " + TITLE_EN);
        assertThat(message.text())
                .startsWith("Olá,\n\nFoi publicada uma sessão que acompanha.\n\n" + TITLE_EN + "\n")
                .contains("Data e hora: terça-feira, 11 de outubro de 2022, 15:30–17:00 WEST\n")
                .contains("Local: online, Zoom\n")
                .contains("Horas indicadas no fuso horário Europe/Lisbon.")
                .doesNotContain("O que mudou");
    }

    @Test
    void tellsAnEnglishRecipientInEnglish() {
        EmailMessage message = compose(SeedRequests.rescheduled(newChange(), inEnglish(), email("a@example.org")));

        assertThat(message.subject()).isEqualTo("Rescheduled: " + TITLE_EN);
        assertThat(message.text())
                .startsWith("Hello,\n\nA session you follow has been rescheduled.\n\n")
                .contains("When: Tuesday 11 October 2022, 17:00–18:30 CEST\n")
                .contains("- Start: Tuesday 11 October 2022, 16:30 CEST → Tuesday 11 October 2022, 17:00 CEST\n");
    }

    @Test
    void fallsBackToEnglishForALanguageWithoutItsOwnTexts() {
        EmailMessage message = compose(SeedRequests.published(
                newChange(),
                SeedRequests.recipient(UUID.randomUUID().toString(), "Ville", "fr", SeedRequests.WARSAW),
                email("a@example.fr")));

        assertThat(message.subject()).isEqualTo("New session: " + TITLE_EN);
    }

    @Test
    void tellsWhyASessionWasCancelled() {
        Session cancelled = SeedRequests.session(
                3, LocalDateTime.parse("2022-10-11T16:30"), LocalDateTime.parse("2022-10-11T18:00"), "Speaker ill");
        EmailMessage message = compose(SeedRequests.request(
                newChange(),
                ChangeKind.CANCELLED,
                cancelled,
                Map.of("status", "PUBLISHED"),
                List.of("status", "cancellationReason"),
                plock(),
                email("a@plock.example")));

        assertThat(message.subject()).isEqualTo("Sesja odwołana: " + TITLE_PL);
        assertThat(message.text())
                .contains("Powód: Speaker ill\n")
                .contains("- Status: opublikowana → odwołana\n")
                .contains("- Powód odwołania: (brak) → Speaker ill\n")
                .doesNotContain("Udział:");
    }

    @Test
    void saysNoneOfAListTheChangeEmptiedInPolishAndPortuguese() {
        Session session = SeedRequests.session(
                2,
                LocalDateTime.parse("2022-10-11T16:30"),
                LocalDateTime.parse("2022-10-11T18:00"),
                SeedRequests.WARSAW,
                null,
                List.of());
        Map<String, Object> previous = Map.of("languages", List.of("en"));

        EmailMessage polish = compose(SeedRequests.request(
                newChange(),
                ChangeKind.UPDATED,
                session,
                previous,
                List.of("languages"),
                plock(),
                email("a@example.org")));
        EmailMessage portuguese = compose(SeedRequests.request(
                newChange(),
                ChangeKind.UPDATED,
                session,
                previous,
                List.of("languages"),
                fundao(),
                email("b@example.org")));

        assertThat(polish.text()).contains("- Języki: en → (brak)\n");
        assertThat(portuguese.text()).contains("- Línguas: en → (nenhum)\n");
    }

    @Test
    void keepsATitleWithLineBreaksOnOneLineOfTheSubject() {
        Session session = new Session(
                SeedRequests.SESSION,
                2,
                "PUBLISHED",
                "en",
                Map.of("en", "Networking\r\nBcc: victim@evil.example"),
                Map.of(),
                LocalDateTime.parse("2022-10-11T16:30"),
                LocalDateTime.parse("2022-10-11T18:00"),
                SeedRequests.WARSAW,
                "ONLINE",
                null,
                "Zoom",
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                Map.of());
        EmailMessage message = compose(SeedRequests.request(
                newChange(), ChangeKind.UPDATED, session, Map.of(), List.of(), inEnglish(), email("a@example.org")));

        assertThat(message.subject()).isEqualTo("Updated: Networking Bcc: victim@evil.example");
        assertThat(message.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void refusesAnAddressWithAnInjectedHeader() {
        Endpoint endpoint = email("powiadomienia@plock.example\r\nBcc: victim@evil.example");
        NotificationRequest request = SeedRequests.published(newChange(), plock(), endpoint);

        assertThatThrownBy(() -> compose(request, endpoint))
                .isInstanceOf(InvalidHeader.class)
                .hasMessageContaining("line break");
    }

    @Test
    void refusesAnAddressThatIsNotOne() {
        Endpoint endpoint = email("not an address");

        assertThatThrownBy(() -> compose(SeedRequests.published(newChange(), plock(), endpoint), endpoint))
                .isInstanceOf(InvalidHeader.class)
                .hasMessageContaining("not a valid email address");
    }

    @Test
    void neverBuildsAMessageWithALineBreakInAHeader() throws Exception {
        InternetAddress address = new InternetAddress("a@example.org");

        CalendarPart calendar = new CalendarPart("REQUEST", "");

        assertThatThrownBy(() -> new EmailMessage(
                        "<id@herald>",
                        address,
                        address,
                        "Hi\r\nBcc: x@evil.example",
                        "",
                        "",
                        calendar,
                        List.of(),
                        false))
                .isInstanceOf(InvalidHeader.class);
        assertThatThrownBy(() ->
                        new EmailMessage("<id@herald>\n", address, address, "Hi", "", "", calendar, List.of(), false))
                .isInstanceOf(InvalidHeader.class);
        assertThatThrownBy(() -> new EmailMessage(
                        "<id@herald>",
                        address,
                        address,
                        "Hi",
                        "",
                        "",
                        calendar,
                        List.of("https://a.example/\r\nX: y"),
                        true))
                .isInstanceOf(InvalidHeader.class);
    }

    @Test
    void offersOneClickUnsubscribeOnlyForAWebUrl() {
        Endpoint signed = new Endpoint(
                new EndpointId(UUID.randomUUID()),
                Channel.EMAIL,
                "a@plock.example",
                "http://localhost:8082/unsubscribe/eyJlIjoiOWQ4YzdiNmEifQ.c2lnbmF0dXJl");
        Endpoint odd = new Endpoint(
                new EndpointId(UUID.randomUUID()), Channel.EMAIL, "a@plock.example", "javascript:alert(1)");

        EmailMessage withLink = compose(SeedRequests.published(newChange(), plock(), signed), signed);
        EmailMessage withoutLink = compose(SeedRequests.published(newChange(), plock(), odd), odd);

        assertThat(withLink.unsubscribeUrl()).isEqualTo(signed.unsubscribeUrl());
        assertThat(withLink.text())
                .contains("Rezygnacja z powiadomień: http://localhost:8082/unsubscribe/eyJlIjoiOWQ4YzdiNmEifQ");
        assertThat(withoutLink.unsubscribeUrl()).isNull();
        assertThat(withoutLink.text()).doesNotContain("javascript:");
    }

    @Test
    void rendersAChangeOncePerLanguageAndTimeZoneAndFillsInOnlyTheRecipientsOwnParts() {
        EmailComposer counted = new EmailComposer(EmailProperties.defaults());
        ChangeId change = newChange();
        List<EmailMessage> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Recipient recipient = switch (i % 3) {
                case 0 -> SeedRequests.recipient(UUID.randomUUID().toString(), "Gmina " + i, "pl", SeedRequests.WARSAW);
                case 1 ->
                    SeedRequests.recipient(UUID.randomUUID().toString(), "Município " + i, "pt", SeedRequests.LISBON);
                default ->
                    SeedRequests.recipient(
                            UUID.randomUUID().toString(), "Town " + i, "en", java.time.ZoneId.of("Europe/Brussels"));
            };
            Endpoint endpoint = new Endpoint(
                    new EndpointId(UUID.randomUUID()),
                    Channel.EMAIL,
                    "r" + i + "@example.org",
                    "https://herald.example/unsubscribe/" + i);
            NotificationRequest request = SeedRequests.rescheduled(change, recipient, endpoint);
            messages.add(counted.compose(DeliveryId.of(change, endpoint.id()), request, endpoint));
        }

        assertThat(counted.renderings()).isEqualTo(3);
        assertThat(messages.get(4).text())
                .contains("Município 4")
                .contains("https://herald.example/unsubscribe/4")
                .doesNotContain("\uE000");
        assertThat(messages.get(4).html()).contains("Município 4").contains("https://herald.example/unsubscribe/4");
        assertThat(messages.get(4).calendar().content()).contains("mailto:r4@example.org");
        assertThat(messages.get(7).text()).contains("Município 7").doesNotContain("Município 4");
    }

    private EmailMessage compose(NotificationRequest request) {
        return compose(request, request.endpoints().get(0));
    }

    private EmailMessage compose(NotificationRequest request, Endpoint endpoint) {
        return composer.compose(DeliveryId.of(request.change().id(), endpoint.id()), request, endpoint);
    }
}
