package eu.herald.egress;

import java.time.Instant;

/**
 * A CloudEvent 1.0 in structured mode, the body of every webhook Herald sends ({@code application/cloudevents+json}):
 * serialised as JSON, its attributes and its {@code data} travel together, so a receiver needs nothing from the
 * HTTP headers but the signature.
 *
 * @param id for a delivery, the delivery id: the same on every attempt, as {@code webhook-id} is
 * @param type e.g. {@code eu.herald.session.rescheduled.v1}
 * @param source e.g. {@code /herald/notifications}
 */
public record CloudEvent(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        String time,
        String datacontenttype,
        Object data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    /** An event whose data is JSON. */
    public static CloudEvent of(String id, String type, String source, String subject, Instant time, Object data) {
        return new CloudEvent("1.0", id, type, source, subject, time.toString(), "application/json", data);
    }
}
