package eu.herald.subscriptions.endpoint;

/** The parts of a browser's PushSubscription a notifier needs (RFC 8030, RFC 8291). */
public record PushSubscription(String endpoint, String p256dh, String auth) {}
