package eu.herald.notifications.delivery.messaging;

/** A record of the request topic that is not a request this service can act on; it goes to the dead letters. */
class UnreadableRequest extends RuntimeException {

    UnreadableRequest(String reason) {
        super(reason);
    }
}
