package eu.herald.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One fault of the fault suite, done to Herald during a fan-out (docs/performance.md#faults). */
enum Fault {
    /** SIGKILL of a notifications instance at about 20, 50 and 80 % of the deliveries, each restarted after a while. */
    NOTIFIER_KILL("SIGKILL of a notifications instance at 20, 50 and 80 %, each restarted"),
    /** SIGKILL of the subscriptions instance whose matcher is producing the change's requests, then its restart. */
    SUBSCRIPTIONS_KILL("SIGKILL of the subscriptions instance producing the requests, restarted"),
    /** SIGKILL of the Kafka broker at 30 %, started again a few seconds later. */
    BROKER_KILL("SIGKILL of the Kafka broker at 30 %, restarted"),
    /** The Kafka broker stopped cleanly (SIGTERM) at 30 % and started again. */
    BROKER_RESTART("clean restart of the Kafka broker at 30 %"),
    /** The SMTP and webhook sinks down at 30 % for the outage, then back on their ports. */
    SINK_OUTAGE("SMTP and webhook sinks down at 30 % for the outage, then back"),
    /** SIGKILL of PostgreSQL (the server and every backend) at 30 %, started again: crash recovery. */
    POSTGRES_KILL("SIGKILL of PostgreSQL at 30 %, restarted (crash recovery)"),
    /** One notifier at the start, two more joining early, then one leaving with SIGTERM: a rolling update. */
    SCALE_OUT("one notifier, two more joining, then one leaving with SIGTERM");

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** As the command line spells it: {@code notifier-kill}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<Fault> parse(String value) {
        if (value.equalsIgnoreCase("all")) {
            return List.of(values());
        }
        return Arrays.stream(value.split(","))
                .map(name -> Fault.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')))
                .toList();
    }
}
