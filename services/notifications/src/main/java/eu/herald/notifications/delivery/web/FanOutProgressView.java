package eu.herald.notifications.delivery.web;

import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.FanOutProgress.Progress;
import eu.herald.notifications.request.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fan-out of one version of a session, per channel reached. {@code finished} once something arrived and
 * nothing is pending or retrying any more: held deliveries go out at their time (quiet hours, digests,
 * coalescing) and count as held, not as unfinished.
 */
record FanOutProgressView(
        UUID sessionId, int version, List<UUID> changeIds, Map<Channel, Counts> channels, int total, boolean finished) {

    /**
     * The deliveries of one channel in the console's words.
     *
     * @param sent SENT
     * @param held SCHEDULED: waiting for quiet hours, a digest or a coalescing window to end
     * @param pending PENDING: recorded, not attempted yet
     * @param retrying RETRYING: failed for now, to be attempted again
     * @param dead DEAD (retries used up) and FAILED (refused for good): never delivered unless replayed
     * @param superseded SUPERSEDED: held, then overtaken by a newer version of the session; never sent
     */
    record Counts(int sent, int held, int pending, int retrying, int dead, int superseded) {

        static Counts of(Progress progress, Channel channel) {
            return new Counts(
                    progress.count(channel, DeliveryStatus.SENT),
                    progress.count(channel, DeliveryStatus.SCHEDULED),
                    progress.count(channel, DeliveryStatus.PENDING),
                    progress.count(channel, DeliveryStatus.RETRYING),
                    progress.count(channel, DeliveryStatus.DEAD) + progress.count(channel, DeliveryStatus.FAILED),
                    progress.count(channel, DeliveryStatus.SUPERSEDED));
        }

        boolean underWay() {
            return pending > 0 || retrying > 0;
        }
    }

    static FanOutProgressView of(UUID sessionId, int version, Progress progress) {
        Map<Channel, Counts> channels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            if (progress.channels().containsKey(channel)) {
                channels.put(channel, Counts.of(progress, channel));
            }
        }
        int total = progress.total();
        boolean finished = total > 0 && channels.values().stream().noneMatch(Counts::underWay);
        return new FanOutProgressView(sessionId, version, progress.changeIds(), channels, total, finished);
    }
}
