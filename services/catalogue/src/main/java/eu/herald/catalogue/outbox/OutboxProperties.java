package eu.herald.catalogue.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay works.
 *
 * @param relayEnabled whether this instance relays at all (instances also take turns through an advisory lock)
 * @param pollInterval how often the relay looks for pending messages when no commit woke it up
 * @param batchSize how many messages are sent before waiting for the broker's acknowledgements
 * @param acknowledgementTimeout how long to wait for a batch's acknowledgements before giving up and retrying
 * @param retention how long published messages are kept (for inspection) before they are deleted
 */
@Validated
@ConfigurationProperties("herald.catalogue.outbox")
record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("45s") Duration acknowledgementTimeout,
        @DefaultValue("7d") Duration retention) {}
