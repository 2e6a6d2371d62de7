package eu.herald.subscriptions.matching;

import eu.herald.subscriptions.endpoint.Channel;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A dry run of the matcher: who a change would reach, found by the very query {@link FanOut} sends requests
 * from, with nothing sent and nothing stored.
 */
@Service
public class Audience {

    private final Recipients recipients;

    Audience(Recipients recipients) {
        this.recipients = recipients;
    }

    /** The municipalities and endpoints that a change matching these criteria would notify now. */
    public AudienceSize of(ChangeCriteria criteria) {
        int[] municipalities = {0};
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            byChannel.put(channel, 0);
        }
        recipients.affectedBy(criteria, affected -> {
            municipalities[0]++;
            affected.destinations()
                    .forEach(destination -> byChannel.merge(Channel.valueOf(destination.channel()), 1, Integer::sum));
        });
        int endpoints = byChannel.values().stream().mapToInt(Integer::intValue).sum();
        return new AudienceSize(municipalities[0], endpoints, byChannel);
    }
}
