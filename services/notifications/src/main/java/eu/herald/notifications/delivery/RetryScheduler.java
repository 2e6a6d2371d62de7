package eu.herald.notifications.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Looks for due deliveries (retries, scheduled deliveries whose time has come, leases that ran out) on a fixed delay
 * and attempts them. The claim skips rows other instances hold, so every instance runs one and none waits for
 * another.
 */
@Component
class RetryScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RetryScheduler.class);

    private final Dispatch dispatch;
    private final DeliveryProperties properties;

    RetryScheduler(Dispatch dispatch, DeliveryProperties properties) {
        this.dispatch = dispatch;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::retryDue, properties.retryPollInterval());
    }

    void retryDue() {
        try {
            int claimed;
            do {
                claimed = dispatch.retryDue();
            } while (claimed == properties.retryBatchSize());
        } catch (RuntimeException e) {
            log.warn("attempting due deliveries failed; the next run tries again: {}", e.toString());
        }
    }
}
