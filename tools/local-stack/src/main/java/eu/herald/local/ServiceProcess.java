package eu.herald.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** One Herald service running as its own JVM, configured through the usual Spring environment variables. */
final class ServiceProcess {

    private final HeraldService service;
    private final Path home;
    private final Path logFile;
    private @Nullable Process process;

    ServiceProcess(HeraldService service, Path home, Path logs) {
        this(service, service.name(), home, logs);
    }

    /** Another instance of a service, logging to {@code logs/<label>.log}. */
    ServiceProcess(HeraldService service, String label, Path home, Path logs) {
        this.service = service;
        this.home = home;
        this.logFile = logs.resolve(label + ".log");
    }

    synchronized void start(Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        command.addAll(service.jvmOptions());
        command.add(Processes.marker(home));
        command.addAll(service.launch());
        process = Processes.start(command, environment, logFile);
    }

    /** Waits for the readiness group (the web application: its health), which is UP once it can take traffic. */
    void awaitReady(Duration timeout, BooleanSupplier cancelled) {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException(service.name() + " was not started");
        }
        Processes.awaitHttpOk(
                service.name(),
                running,
                service.url().resolve(LocalWeb.readinessPath(service)),
                timeout,
                logFile,
                cancelled,
                body -> body.contains("\"UP\""));
    }

    /** Sends SIGTERM without waiting, so that all services wind down at the same time. */
    synchronized void signalStop() {
        Process running = process;
        if (running != null) {
            running.destroy();
        }
    }

    /** SIGKILL, as a crash or the kernel's out-of-memory killer ends a process, and waits until it is gone. */
    synchronized void kill() {
        Process running = process;
        process = null;
        if (running != null) {
            running.destroyForcibly();
            Processes.awaitExit(running, Duration.ofSeconds(30));
        }
    }

    synchronized void awaitStopped(Duration timeout) {
        Process running = process;
        process = null;
        if (running != null) {
            Processes.awaitExit(running, timeout);
        }
    }

    synchronized @Nullable Process process() {
        return process;
    }

    HeraldService service() {
        return service;
    }

    Path logFile() {
        return logFile;
    }
}
