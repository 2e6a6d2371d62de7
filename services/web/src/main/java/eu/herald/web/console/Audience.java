package eu.herald.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** How many municipalities and endpoints a change would reach, by channel ({@code EMAIL}, {@code WEBHOOK}, {@code WEB_PUSH}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Audience(int municipalities, int endpoints, Map<String, Integer> byChannel) {

    public int on(String channel) {
        return byChannel.getOrDefault(channel, 0);
    }
}
