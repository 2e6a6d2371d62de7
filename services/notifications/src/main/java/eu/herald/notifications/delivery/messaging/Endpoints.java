package eu.herald.notifications.delivery.messaging;

import static eu.herald.notifications.delivery.messaging.MessageFields.constant;
import static eu.herald.notifications.delivery.messaging.MessageFields.parse;
import static eu.herald.notifications.delivery.messaging.MessageFields.required;
import static eu.herald.notifications.delivery.messaging.MessageFields.uuid;

import eu.herald.notifications.delivery.messaging.RequestMessage.EndpointMessage;
import eu.herald.notifications.delivery.messaging.RequestMessage.WebPushMessage;
import eu.herald.notifications.delivery.messaging.RequestMessage.WebhookMessage;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.Endpoint.WebPushTarget;
import eu.herald.notifications.request.Endpoint.WebhookTarget;
import eu.herald.notifications.request.EndpointId;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** A request's endpoints read into the service's own records: what each channel needs, checked. */
final class Endpoints {

    private Endpoints() {}

    static Endpoint endpoint(EndpointMessage endpoint, String path) {
        Channel channel = constant(Channel.class, endpoint.channel(), path + ".channel");
        if (channel == Channel.EMAIL
                && (endpoint.address() == null || endpoint.address().isBlank())) {
            throw new UnreadableRequest(path + ".address is required for an EMAIL endpoint");
        }
        return new Endpoint(
                new EndpointId(uuid(endpoint.endpointId(), path + ".endpointId")),
                channel,
                endpoint.address(),
                endpoint.unsubscribeUrl(),
                channel == Channel.WEB_PUSH ? webPush(required(endpoint.webPush(), path + ".webPush"), path) : null,
                channel == Channel.WEBHOOK ? webhook(required(endpoint.webhook(), path + ".webhook"), path) : null);
    }

    private static WebPushTarget webPush(WebPushMessage push, String path) {
        return new WebPushTarget(
                parse(push.endpoint(), path + ".webPush.endpoint", text -> absolute(text, "https")),
                parse(push.p256dh(), path + ".webPush.p256dh", Endpoints::base64url),
                parse(push.auth(), path + ".webPush.auth", Endpoints::base64url));
    }

    private static WebhookTarget webhook(WebhookMessage webhook, String path) {
        Integer version = required(webhook.secretVersion(), path + ".webhook.secretVersion");
        if (version < 1) {
            throw new UnreadableRequest(path + ".webhook.secretVersion must be at least 1: " + version);
        }
        return new WebhookTarget(
                parse(webhook.url(), path + ".webhook.url", text -> absolute(text, "https", "http")),
                version,
                webhook.previousSecretUntil() == null
                        ? null
                        : parse(
                                webhook.previousSecretUntil(),
                                path + ".webhook.previousSecretUntil",
                                text -> OffsetDateTime.parse(text).toInstant()));
    }

    private static URI absolute(String text, String... schemes) {
        URI uri = URI.create(text);
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !List.of(schemes).contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not an absolute " + String.join(" or ", schemes) + " URL");
        }
        return uri;
    }

    private static String base64url(String text) {
        Base64.getUrlDecoder().decode(text.replace("=", ""));
        return text;
    }
}
