package eu.herald.notifications.timing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param window how long after a session's change further changes are merged into one alert at the window's end,
 *     for events whose operators set none; zero turns coalescing off
 */
@Validated
@ConfigurationProperties("herald.notifications.coalescing")
public record CoalescingProperties(@DefaultValue("2m") Duration window) {}
