package eu.herald.notifications;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.Endpoint.WebPushTarget;
import eu.herald.notifications.request.Endpoint.WebhookTarget;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.MunicipalityId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Recipient.DeliveryMode;
import eu.herald.notifications.request.Recipient.Preferences;
import eu.herald.notifications.request.RequestId;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import eu.herald.notifications.request.SessionId;
import eu.herald.notifications.webpush.PushSubscriber;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Requests about the seeded networking session of #EURegionsWeek 2022, as the service's own records. */
public final class SeedRequests {

    public static final String TITLE_EN =
            "Networking of cities and municipalities as a way to transfer knowledge and innovation";
    public static final String TITLE_PL = "Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji";
    public static final String LINK =
            "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4";
    public static final SessionId SESSION = new SessionId(UUID.fromString("5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11"));
    public static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    public static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    private SeedRequests() {}

    public static Recipient plock() {
        return recipient("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b", "Miasto Płock", "pl", WARSAW);
    }

    public static Recipient fundao() {
        return recipient("d9756d35-e7f4-4bc4-b64e-7fb67058f558", "Município do Fundão", "pt", LISBON);
    }

    public static Recipient inEnglish() {
        return recipient("40120a76-e603-4d24-beb1-b0fb909e4e3e", "City of Example", "en", ZoneId.of("Europe/Brussels"));
    }

    public static Recipient recipient(String id, String name, String language, ZoneId zone) {
        return new Recipient(
                new MunicipalityId(UUID.fromString(id)),
                name,
                Locale.forLanguageTag(language),
                zone,
                new Preferences(DeliveryMode.IMMEDIATE, null));
    }

    public static Endpoint email(String address) {
        return new Endpoint(new EndpointId(UUID.randomUUID()), Channel.EMAIL, address, null);
    }

    /** A webhook endpoint posting to {@code url}, signed with the first rotation of its derived secret. */
    public static Endpoint webhook(URI url) {
        return new Endpoint(
                new EndpointId(UUID.randomUUID()), Channel.WEBHOOK, null, null, null, new WebhookTarget(url, 1, null));
    }

    /** A browser's push subscription as a WEB_PUSH endpoint. */
    public static Endpoint webPush(PushSubscriber browser) {
        return new Endpoint(
                new EndpointId(UUID.randomUUID()),
                Channel.WEB_PUSH,
                null,
                null,
                new WebPushTarget(browser.endpoint(), browser.p256dh(), browser.auth()),
                null);
    }

    /** The session as seeded: version 1, 16:30–18:00 Warsaw time. */
    public static Session session(int version, LocalDateTime start, LocalDateTime end, @Nullable String cancellation) {
        return session(version, start, end, WARSAW, cancellation, null);
    }

    /**
     * The seeded session, its times local to {@code zone}.
     *
     * @param languages the languages its snapshot says it is held in; null when the snapshot does not say
     */
    public static Session session(
            int version,
            LocalDateTime start,
            LocalDateTime end,
            ZoneId zone,
            @Nullable String cancellation,
            @Nullable List<String> languages) {
        return new Session(
                SESSION,
                version,
                cancellation == null ? "PUBLISHED" : "CANCELLED",
                "en",
                Map.of("en", TITLE_EN, "pl", TITLE_PL),
                Map.of(),
                start,
                end,
                zone,
                "ONLINE",
                null,
                "Zoom",
                LINK,
                LINK,
                List.of("territorial-cohesion"),
                cancellation,
                languages,
                null,
                null,
                Map.of());
    }

    public static NotificationRequest published(ChangeId change, Recipient recipient, Endpoint... endpoints) {
        return request(
                change,
                ChangeKind.PUBLISHED,
                session(1, at("2022-10-11T16:30"), at("2022-10-11T18:00"), null),
                Map.of(),
                List.of(),
                recipient,
                endpoints);
    }

    /** Moved by half an hour: 16:30–18:00 → 17:00–18:30 Warsaw time, as in the contract's example. */
    public static NotificationRequest rescheduled(ChangeId change, Recipient recipient, Endpoint... endpoints) {
        return request(
                change,
                ChangeKind.RESCHEDULED,
                session(2, at("2022-10-11T17:00"), at("2022-10-11T18:30"), null),
                Map.of("start", "2022-10-11T16:30:00", "end", "2022-10-11T18:00:00"),
                List.of("start", "end"),
                recipient,
                endpoints);
    }

    public static NotificationRequest request(
            ChangeId change,
            ChangeKind kind,
            Session session,
            Map<String, @Nullable Object> previous,
            List<String> changedFields,
            Recipient recipient,
            Endpoint... endpoints) {
        return new NotificationRequest(
                new RequestId(UUID.randomUUID()),
                new SessionChange(
                        change, kind, Instant.parse("2022-10-05T09:12:44.512Z"), session, previous, changedFields),
                recipient,
                List.of(endpoints));
    }

    public static ChangeId newChange() {
        return new ChangeId(UUID.randomUUID());
    }

    private static LocalDateTime at(String local) {
        return LocalDateTime.parse(local);
    }
}
