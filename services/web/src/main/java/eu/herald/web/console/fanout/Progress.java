package eu.herald.web.console.fanout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How far the fan-out of one version of a session has come, as notifications counts its change deliveries.
 *
 * @param finished at least one delivery arrived and none is pending or retrying (held ones do not count)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Progress(
        UUID sessionId, int version, List<UUID> changeIds, Map<String, Counts> channels, int total, boolean finished) {

    /** The channels every fan-out page shows, reached or not. */
    static final List<String> CHANNELS = List.of("EMAIL", "WEBHOOK", "WEB_PUSH");

    /** One channel's deliveries by what became of them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(int sent, int held, int pending, int retrying, int dead, int superseded) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(
                    sent + other.sent,
                    held + other.held,
                    pending + other.pending,
                    retrying + other.retrying,
                    dead + other.dead,
                    superseded + other.superseded);
        }
    }

    /** Every channel shown, those not reached with nothing; the sum of all as {@code ALL}. */
    public Map<String, Counts> byChannel() {
        Map<String, Counts> shown = new LinkedHashMap<>();
        CHANNELS.forEach(channel -> shown.put(channel, channels.getOrDefault(channel, Counts.NONE)));
        shown.putAll(channels);
        return shown;
    }

    public Counts all() {
        return channels.values().stream().reduce(Counts.NONE, Counts::plus);
    }
}
