package eu.herald.benchmark;

import eu.herald.testsupport.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./herald-benchmark faults [--n 20000] [--fault all|notifier-kill,...] [--outage 300]}: each fault during
 * its own fan-out on a fresh Herald with several notifiers and matchers, then the accounts of what arrived; writes
 * {@code tools/benchmark/results/faults-<time>/results.json}, {@code results.md} and a timeline per fault. Exits with
 * 3 when a fault lost, repeated unexplained or left anything inconsistent.
 */
final class FaultSuite {

    private static final Logger log = LoggerFactory.getLogger(FaultSuite.class);
    static final String USAGE = """
            Usage: ./herald-benchmark faults [--n 20000] [--kill-n <3 n>] [--scale-out-n <4 n>]
                     [--fault all|notifier-kill|subscriptions-kill|broker-kill|broker-restart|sink-outage|postgres-kill|scale-out (or a comma list)]
                     [--notifiers 3] [--subscriptions 2] [--kills 3] [--outage 300] [--restart-after 5] [--one-stack]
                     [--service-jvm "-Xms128m -Xmx1g"] [--output tools/benchmark/results]""";

    private FaultSuite() {}

    /** Runs the suite as the command line asks; returns the exit code. */
    static int launch(String[] args, Path repository) {
        return CommandLine.launch(args, repository, USAGE, FaultSuite::parse, options -> {
            Path folder = CommandLine.runFolder(options.output(), "faults-");
            FaultReport.Suite suite = run(options, folder, "./herald-benchmark faults " + String.join(" ", args));
            return new CommandLine.Report(FaultReport.markdown(suite), folder, suite.passed());
        });
    }

    /** Runs each fault on a fresh Herald and writes the results after each. */
    static FaultReport.Suite run(FaultOptions options, Path folder, String command) {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<FaultResult> results = new ArrayList<>();
        FaultReport.Suite suite = null;
        FaultStack shared =
                options.oneStack() ? FaultStack.start(options, folder.resolve("herald"), options.notifiers()) : null;
        try {
            for (Fault fault : options.faults()) {
                FaultRun run = new FaultRun(options, fault);
                results.add(shared == null ? run.run(folder.resolve(fault.label())) : run.run(shared));
                suite = new FaultReport.Suite(
                        startedAt,
                        command,
                        Machines.describe(
                                "java smtp sink (harness)",
                                run.durability(),
                                String.join(" ", KafkaBroker.PRODUCTION_JVM)),
                        List.copyOf(results));
                // written after each fault: a long suite that fails later keeps what it measured
                FaultReport.write(suite, folder);
                log.info("{}: written to {}", fault.label(), folder);
            }
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
        return suite;
    }

    static FaultOptions parse(String[] args, Path repository) {
        CommandLine line = CommandLine.parse(
                args,
                repository,
                Set.of(
                        "--n",
                        "--scale-out-n",
                        "--kill-n",
                        "--fault",
                        "--notifiers",
                        "--subscriptions",
                        "--kills",
                        "--outage",
                        "--restart-after",
                        "--service-jvm",
                        "--output"),
                Set.of("--one-stack"));
        int n = line.positive("--n", 20_000);
        // joining instances take a minute or more to start beside a fan-out on two cores: the fan-out must outlast it
        int scaleOutN = line.positive("--scale-out-n", 4 * n);
        // a kill waits for another notifier to be up, and a restarted one takes one to three minutes to be ready
        // beside the fan-out: the kill at 80 % needs the one killed at 20 % back by then
        int killN = line.positive("--kill-n", 3 * n);
        String faults = line.value("--fault", "all");
        int notifiers = line.positive("--notifiers", 3);
        int subscriptions = line.positive("--subscriptions", 2);
        int kills = line.positive("--kills", 3);
        boolean oneStack = line.has("--one-stack");
        long outage = line.positive("--outage", 300);
        long restartAfter = line.positive("--restart-after", 5);
        List<String> jvm = line.serviceJvm();
        Path output = line.output(repository);
        List<Fault> chosen;
        try {
            chosen = Fault.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fault takes all, or some of notifier-kill, subscriptions-kill, "
                    + "broker-kill, broker-restart, sink-outage, postgres-kill, scale-out");
        }
        if (notifiers < 2 || subscriptions < 2) {
            throw new IllegalArgumentException(
                    "--notifiers and --subscriptions take 2 or more: a fault needs a survivor");
        }
        if (oneStack && chosen.contains(Fault.SCALE_OUT)) {
            throw new IllegalArgumentException("scale-out starts with one notifier: it needs a Herald of its own");
        }
        return new FaultOptions(
                n,
                scaleOutN,
                killN,
                chosen,
                repository,
                output,
                notifiers,
                subscriptions,
                kills,
                oneStack,
                Duration.ofSeconds(outage),
                Duration.ofSeconds(restartAfter),
                // nothing arrives while the sinks are down, nor until the next retry after: wait past both
                Duration.ofSeconds(outage + 180),
                jvm);
    }
}
