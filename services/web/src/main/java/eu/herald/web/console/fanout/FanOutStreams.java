package eu.herald.web.console.fanout;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Follows fan-outs for the pages that watch them: each watching page gets a stream of server-sent events, fed by a
 * poll of notifications every second on a small scheduler of its own, until the fan-out is final, the page goes
 * away, or ten minutes pass. A poll that fails ends the stream quietly: the browser's EventSource opens a new one,
 * with the signed-in person's token taken afresh.
 */
@Component
class FanOutStreams implements DisposableBean {

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(FanOutStreams.class);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fan-out-streams");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param poll reads the progress (it must not need the request: it runs on the scheduler)
     * @param said what the page says of it
     */
    SseEmitter follow(Supplier<Progress> poll, Function<Progress, FanOutStatus> said) {
        SseEmitter emitter = new SseEmitter(LONGEST.toMillis());
        AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> task = polling.get();
            if (task != null) {
                task.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(failure -> stop.run());
        polling.set(scheduler.scheduleWithFixedDelay(
                () -> tell(emitter, poll, said, stop), 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    private static void tell(
            SseEmitter emitter, Supplier<Progress> poll, Function<Progress, FanOutStatus> said, Runnable stop) {
        try {
            Progress progress = poll.get();
            FanOutStatus status = said.apply(progress);
            emitter.send(SseEmitter.event()
                    .name("progress")
                    .data(
                            Map.of(
                                    "channels", progress.byChannel(),
                                    "all", progress.all(),
                                    "total", progress.total(),
                                    "state", status.state(),
                                    "text", status.text(),
                                    "held", status.heldText()),
                            MediaType.APPLICATION_JSON));
            if (status.isFinal()) {
                emitter.send(SseEmitter.event().name("end").data(status.state()));
                stop.run();
                emitter.complete();
            }
        } catch (IOException | IllegalStateException pageGone) {
            stop.run();
        } catch (RuntimeException failed) {
            log.debug("a fan-out poll failed; the page opens a new stream", failed);
            stop.run();
            emitter.complete();
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
