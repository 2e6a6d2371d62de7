package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.Municipality;
import eu.herald.subscriptions.page.Languages;
import eu.herald.subscriptions.signing.SignedTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double opt-in of email endpoints: a signed, expiring link is mailed to the address, and only
 * following it (a POST, so that link scanners prefetching the GET change nothing) makes the endpoint
 * ACTIVE. The mail is in the municipality's language ({@code verification.mail.*} in the message bundles), with
 * the link's expiry in its time zone.
 */
@Service
public class EmailVerification {

    static final String PURPOSE = "verify-endpoint";
    private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final JavaMailSender mail;
    private final SignedTokens tokens;
    private final Endpoints endpoints;
    private final Municipalities municipalities;
    private final SubscriptionsProperties properties;
    private final Languages languages;
    private final MessageSource messages;
    private final Clock clock;

    EmailVerification(
            JavaMailSender mail,
            SignedTokens tokens,
            Endpoints endpoints,
            Municipalities municipalities,
            SubscriptionsProperties properties,
            Languages languages,
            MessageSource messages,
            Clock clock) {
        this.mail = mail;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.municipalities = municipalities;
        this.properties = properties;
        this.languages = languages;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Mails the confirmation link of a pending email endpoint. Called after the endpoint is committed:
     * a failure leaves it pending, and the link can be sent again.
     *
     * @return whether the mail server accepted the message
     */
    public boolean sendLink(Endpoint endpoint) {
        if (endpoint.channel() != Channel.EMAIL || endpoint.status() != EndpointStatus.PENDING_VERIFICATION) {
            return false;
        }
        Municipality municipality = municipalities.require(endpoint.municipalityId());
        Instant expires = clock.instant().plus(properties.verification().validity());
        String link = tokens.link(
                "/endpoints/verify/" + tokens.sign(PURPOSE, endpoint.id() + ":" + expires.getEpochSecond()));
        Locale locale = languages.of(municipality.language());
        String until =
                EXPIRY.withLocale(locale).withZone(municipality.timeZone()).format(expires) + " ("
                        + municipality.timeZone().getId() + ")";
        var message = new SimpleMailMessage();
        message.setFrom(properties.verification().from());
        message.setTo(endpoint.address());
        message.setSubject(
                messages.getMessage("verification.mail.subject", new Object[] {municipality.name()}, locale));
        message.setText(
                messages.getMessage("verification.mail.text", new Object[] {municipality.name(), until, link}, locale));
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not send the confirmation link of endpoint {}: {}", endpoint.id(), e.getMessage());
            return false;
        }
    }

    /** The endpoint a valid, unexpired confirmation token names, without changing anything. */
    public Optional<Endpoint> pending(String token) {
        return tokens.verify(PURPOSE, token).flatMap(payload -> endpoint(payload, false));
    }

    /** The endpoint a genuine confirmation token names once the token has expired (to say so in its language). */
    public Optional<Endpoint> expired(String token) {
        return tokens.verify(PURPOSE, token).flatMap(payload -> endpoint(payload, true));
    }

    /** Activates the endpoint the token names; empty when the token is invalid or expired. */
    @Transactional
    public Optional<Endpoint> confirm(String token) {
        Optional<Endpoint> endpoint = pending(token);
        endpoint.ifPresent(found -> endpoints.activate(found.id(), clock.instant()));
        return endpoint.flatMap(found -> endpoints.find(found.id()));
    }

    private Optional<Endpoint> endpoint(String payload, boolean expired) {
        String[] parts = payload.split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            if (expired != clock.instant().getEpochSecond() > Long.parseLong(parts[1])) {
                return Optional.empty();
            }
            return endpoints.find(new EndpointId(UUID.fromString(parts[0])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
