package eu.herald.subscriptions.matching;

import eu.herald.subscriptions.endpoint.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many municipalities a change would notify, and through how many endpoints.
 *
 * @param endpoints the endpoints their requests would name, each counted once
 * @param byChannel those endpoints by channel, every channel named (0 when none)
 */
public record AudienceSize(int municipalities, int endpoints, Map<Channel, Integer> byChannel) {

    public AudienceSize {
        byChannel = Collections.unmodifiableMap(new EnumMap<>(byChannel));
    }
}
