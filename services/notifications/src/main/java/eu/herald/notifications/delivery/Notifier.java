package eu.herald.notifications.delivery;

/**
 * Sends one delivery over one channel. Implementations report failures as results instead of throwing, and
 * derive the receiver-visible id (email Message-ID, webhook-id, push Topic) from the delivery id, so that a
 * repeated attempt can be recognised by the receiver.
 */
public interface Notifier {

    Channel channel();

    DeliveryResult send(DeliveryId delivery, NotificationRequest request, Endpoint endpoint);
}
