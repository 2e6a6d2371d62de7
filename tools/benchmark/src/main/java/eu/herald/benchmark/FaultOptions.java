package eu.herald.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run the fault suite.
 *
 * @param municipalities N, each with an email and a webhook endpoint: 2N deliveries per run
 * @param scaleOutMunicipalities N of {@code scale-out}, whose fan-out must outlast the start of two instances
 * @param killMunicipalities N of {@code notifier-kill}, whose fan-out must outlast a restart before its last kill
 * @param notifiers notifications instances in their consumer group (one at the start of {@code scale-out})
 * @param subscriptions subscriptions instances in their consumer groups
 * @param kills how many times {@code notifier-kill} kills a notifier, spread from 20 to 80 % of the deliveries
 * @param oneStack every fault on one Herald, one fan-out after another (the CI smoke run), instead of a fresh one each
 * @param outage how long the sinks stay down in {@code sink-outage}
 * @param restartAfter how long a killed process stays dead before it is started again
 * @param stall how long nothing may arrive before a run gives up on the rest (at least the outage and a retry)
 * @param serviceJvmOptions the JVM options of each service
 */
record FaultOptions(
        int municipalities,
        int scaleOutMunicipalities,
        int killMunicipalities,
        List<Fault> faults,
        Path repository,
        Path output,
        int notifiers,
        int subscriptions,
        int kills,
        boolean oneStack,
        Duration outage,
        Duration restartAfter,
        Duration stall,
        List<String> serviceJvmOptions) {

    FaultOptions {
        faults = List.copyOf(faults);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** The municipalities seeded for the fault. */
    int municipalitiesFor(Fault fault) {
        return switch (fault) {
            case SCALE_OUT -> scaleOutMunicipalities;
            case NOTIFIER_KILL -> killMunicipalities;
            default -> municipalities;
        };
    }

    /** Where in the fan-out each notifier kill happens: 50 % for one, else evenly from 20 to 80 %. */
    List<Double> killPoints() {
        if (kills == 1) {
            return List.of(0.5);
        }
        return java.util.stream.IntStream.range(0, kills)
                .mapToObj(kill -> 0.2 + 0.6 * kill / (kills - 1))
                .toList();
    }

    /**
     * The retry schedule of the run: the production schedule (10 s, 1 min, 10 min, 1 h, 6 h) compressed, yet
     * long enough that no delivery runs out of attempts during the outage however its jitter falls: the waits
     * after the first few are of a minute at most, and they add up to twice the outage.
     */
    List<Duration> retrySchedule() {
        List<Duration> schedule = new java.util.ArrayList<>(
                List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30)));
        Duration step = Duration.ofSeconds(Math.max(30, Math.min(60, outage.toSeconds() / 5)));
        while (schedule.stream().mapToLong(Duration::toSeconds).sum() < 2 * outage.toSeconds() + 60) {
            schedule.add(step);
        }
        return schedule;
    }

    /** Options of the benchmark's stack that the suite shares: the Java SMTP sink, which can go down and come back. */
    BenchmarkOptions stackOptions() {
        return new BenchmarkOptions(
                municipalities,
                List.of(Scenario.MIXED),
                repository,
                output,
                "java",
                4,
                16,
                1,
                100,
                20,
                serviceJvmOptions,
                stall,
                municipalities,
                false,
                null);
    }
}
