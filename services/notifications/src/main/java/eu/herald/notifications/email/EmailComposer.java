package eu.herald.notifications.email;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.email.EmailMessage.CalendarPart;
import eu.herald.notifications.email.Rendering.Rendered;
import eu.herald.notifications.rendering.Values;
import eu.herald.notifications.rendering.Wording;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.SessionChange;
import jakarta.mail.internet.InternetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders a delivery as the recipient reads it: in its language, with the session's times in its time zone, and
 * with what changed, old → new. The rendering of a change is shared by every recipient with the same language and
 * time zone (cached per change, language, zone and channel); only the recipient's own parts are filled in per
 * delivery.
 */
@Component
class EmailComposer {

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    private final InternetAddress from;
    private final String messageIdDomain;
    private final InternetAddress unsubscribeMailbox;
    private final Cache<Key, Rendered> renderings;
    private final AtomicLong rendered = new AtomicLong();

    EmailComposer(EmailProperties properties) {
        this.from = HeaderValues.address("From", properties.from());
        if (!DOMAIN.matcher(properties.messageIdDomain()).matches()) {
            throw new InvalidHeader("herald.notifications.mail.message-id-domain is not a domain");
        }
        this.messageIdDomain = properties.messageIdDomain();
        this.unsubscribeMailbox = HeaderValues.address("List-Unsubscribe", properties.unsubscribeMailbox());
        this.renderings = Caffeine.newBuilder()
                .maximumSize(properties.renderingCacheSize())
                // a change is sent within minutes; retries hours later simply render again
                .expireAfterAccess(Duration.ofHours(1))
                .build();
    }

    /** The same delivery always gets the same Message-ID, so a repeated send can be recognised as one. */
    String messageId(DeliveryId delivery) {
        return "<" + delivery + "@" + messageIdDomain + ">";
    }

    /** How many times a change was rendered (not filled in): once per change, language and zone. */
    long renderings() {
        return rendered.get();
    }

    /** @throws InvalidHeader when the endpoint's address cannot be used in a header */
    EmailMessage compose(DeliveryId delivery, NotificationRequest request, Endpoint endpoint) {
        Key key = new Key(
                request.change().id(),
                request.change().previous(),
                request.recipient().language(),
                request.recipient().timeZone(),
                Channel.EMAIL);
        Rendered template = renderings.get(key, ignored -> render(request.change(), key));
        return addressed(delivery, request.recipient(), endpoint, template);
    }

    /**
     * A reminder that the request's session starts in {@code lead}.
     *
     * @throws InvalidHeader when the endpoint's address cannot be used in a header
     */
    EmailMessage remind(DeliveryId delivery, NotificationRequest request, Endpoint endpoint, Duration lead) {
        Recipient recipient = request.recipient();
        return addressed(
                delivery,
                recipient,
                endpoint,
                ReminderMail.render(request.change(), lead, recipient.language(), recipient.timeZone()));
    }

    /**
     * The recipient's daily digest: one mail for all its changes.
     *
     * @throws InvalidHeader when the endpoint's address cannot be used in a header
     */
    EmailMessage digest(DeliveryId delivery, Digest digest, Endpoint endpoint) {
        return addressed(delivery, digest.recipient(), endpoint, DigestMail.render(digest, from.getAddress()));
    }

    /** The template with the recipient's own parts filled in: its name, its unsubscribe link, its attendee line. */
    private EmailMessage addressed(DeliveryId delivery, Recipient recipient, Endpoint endpoint, Rendered template) {
        InternetAddress to = HeaderValues.address("To", Objects.requireNonNull(endpoint.address(), "address"));
        String unsubscribeUrl = Values.webUrl(endpoint.unsubscribeUrl());
        List<String> listUnsubscribe = new ArrayList<>(2);
        if (unsubscribeUrl != null) {
            listUnsubscribe.add(unsubscribeUrl);
        }
        listUnsubscribe.add("mailto:" + unsubscribeMailbox.getAddress() + "?subject="
                + URLEncoder.encode("unsubscribe " + endpoint.id(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        String name = Values.oneLine(recipient.name());
        Wording words = Wording.in(recipient.language());
        CalendarPart calendar = template.calendar();
        return new EmailMessage(
                messageId(delivery),
                from,
                to,
                template.subject(),
                template.text()
                        .replace(Placeholders.RECIPIENT, name)
                        .replace(
                                Placeholders.UNSUBSCRIBE + "\n",
                                unsubscribeUrl == null ? "" : words.text("unsubscribe", unsubscribeUrl) + "\n"),
                template.html()
                        .replace(Placeholders.RECIPIENT, MailBody.escape(name))
                        .replace(Placeholders.UNSUBSCRIBE, unsubscribeHtml(words, unsubscribeUrl)),
                calendar == null
                        ? null
                        : new CalendarPart(
                                calendar.method(),
                                calendar.content()
                                        .replace(
                                                Placeholders.ATTENDEE + "\r\n",
                                                ICalendar.attendee(name, to.getAddress()))),
                listUnsubscribe,
                unsubscribeUrl != null);
    }

    private Rendered render(SessionChange change, Key key) {
        rendered.incrementAndGet();
        return new Rendering(change, key.language(), key.zone()).render(from.getAddress());
    }

    private static String unsubscribeHtml(Wording words, @Nullable String url) {
        if (url == null) {
            return "";
        }
        return "<p><small><a href=\"" + MailBody.escape(url) + "\">" + MailBody.escape(words.text("label.unsubscribe"))
                + "</a></small></p>";
    }

    /**
     * @param previous what the change tells as changed: a delivery that superseded older ones tells what changed since
     *     the version its endpoint last received, so deliveries of one change may differ in it
     */
    private record Key(
            ChangeId change, Map<String, @Nullable Object> previous, Locale language, ZoneId zone, Channel channel) {}
}
