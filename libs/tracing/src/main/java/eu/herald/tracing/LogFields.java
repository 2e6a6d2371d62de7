package eu.herald.tracing;

/**
 * The MDC keys that say which change or delivery a log line is about, next to the {@code traceId} and {@code
 * spanId} that tracing puts there: with structured logging they are fields of each JSON line (docs/observability.md).
 */
public final class LogFields {

    /** The id of the session change being announced, matched or delivered. */
    public static final String CHANGE_ID = "herald.change_id";

    /** The id of the delivery being attempted. */
    public static final String DELIVERY_ID = "herald.delivery_id";

    private LogFields() {}
}
