package eu.herald.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One more instance of a running stack's service, as an operator scales it: the same database, broker and settings,
 * a port, a log ({@code logs/<label>.log}) and a name of its own. It can be killed (SIGKILL), stopped (SIGTERM, as a
 * rolling update does) and started again; the stack stops it with the other services.
 */
public final class ServiceInstance {

    private static final Duration READINESS_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(45);

    private final String label;
    private final ServiceProcess process;
    private final Map<String, String> environment;

    ServiceInstance(String label, ServiceProcess process, Map<String, String> environment) {
        this.label = label;
        this.process = process;
        this.environment = Map.copyOf(environment);
    }

    /** Its name, such as {@code notifications-2}: the host name it reports, and its log's name. */
    public String label() {
        return label;
    }

    public URI url() {
        return process.service().url();
    }

    /** Starts it and waits until it is ready. */
    public void start() {
        process.start(environment);
        process.awaitReady(READINESS_TIMEOUT, () -> false);
    }

    /** Starts it without waiting: what it does while it starts is part of what is measured. */
    public void launch() {
        process.start(environment);
    }

    /** Waits until a launched instance is ready. */
    public void awaitReady() {
        process.awaitReady(READINESS_TIMEOUT, () -> false);
    }

    /** SIGKILL: no shutdown hook runs, nothing is released; returns once the process is gone. */
    public void kill() {
        process.kill();
    }

    /** SIGTERM and a graceful shutdown, as Kubernetes ends a pod in a rolling update; returns once it is gone. */
    public void stop() {
        process.signalStop();
        process.awaitStopped(SHUTDOWN_TIMEOUT);
    }

    public boolean isRunning() {
        Process running = process.process();
        return running != null && running.isAlive();
    }

    /** The process, while it runs, for its CPU and memory. */
    public @Nullable ProcessHandle handle() {
        Process running = process.process();
        return running == null ? null : running.toHandle();
    }

    public Path logFile() {
        return process.logFile();
    }

    ServiceProcess process() {
        return process;
    }
}
