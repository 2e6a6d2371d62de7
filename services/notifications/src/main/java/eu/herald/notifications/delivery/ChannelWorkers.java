package eu.herald.notifications.delivery;

import eu.herald.notifications.request.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each channel has its own workers: slow webhooks never hold up email, nor email webhooks. */
final class ChannelWorkers {

    private static final Logger log = LoggerFactory.getLogger(ChannelWorkers.class);

    private final Map<Channel, ExecutorService> workers = new EnumMap<>(Channel.class);

    void add(Channel channel, int threads) {
        workers.put(channel, Executors.newFixedThreadPool(threads, new Workers(channel)));
    }

    @Nullable
    ExecutorService of(Channel channel) {
        return workers.get(channel);
    }

    /** Lets what is being attempted finish, for up to 30 seconds in all. */
    void shutdown(Clock clock) throws InterruptedException {
        workers.values().forEach(ExecutorService::shutdown);
        Instant deadline = clock.instant().plusSeconds(30);
        for (ExecutorService channelWorkers : workers.values()) {
            long left = Math.max(0, deadline.toEpochMilli() - clock.millis());
            if (!channelWorkers.awaitTermination(left, TimeUnit.MILLISECONDS)) {
                log.warn("deliveries still being attempted at shutdown; their leases hand them to another instance");
                channelWorkers.shutdownNow();
            }
        }
    }

    private static final class Workers implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();
        private final String prefix;

        Workers(Channel channel) {
            this.prefix = "dispatch-" + channel.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-";
        }

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, prefix + count.incrementAndGet());
        }
    }
}
