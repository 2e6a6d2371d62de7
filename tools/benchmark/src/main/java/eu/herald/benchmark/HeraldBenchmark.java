package eu.herald.benchmark;

import eu.herald.benchmark.report.ResultFiles;
import eu.herald.benchmark.report.Results;
import eu.herald.benchmark.report.Results.ScenarioResult;
import eu.herald.benchmark.sink.WebhookSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./herald-benchmark [--n 100000] [--scenario email|webhook|webhook-tls|mixed|latency|held-webhook|all]}: runs each
 * scenario on a fresh Herald (the packaged services, a Kafka broker, PostgreSQL, the sinks) and writes
 * {@code tools/benchmark/results/<time>/results.json}, {@code results.md} and {@code deliveries.png}. Exits
 * with 3 when a delivery was lost or duplicated.
 */
public final class HeraldBenchmark {

    private static final Logger log = LoggerFactory.getLogger(HeraldBenchmark.class);
    private static final String USAGE = """
            Usage: ./herald-benchmark faults --help (the fault suite), or
                   ./herald-benchmark [--n 100000]
                     [--scenario email|webhook|webhook-tls|mixed|latency|held-webhook|all (or a comma list)]
                     [--smtp-sink auto|postfix|java] [--smtp-connections 4] [--webhook-concurrency 16] [--webhook-hosts 64]
                     [--warm-up <as --n>] [--stall-seconds 30] [--hold-margin <20 + n/2500 seconds>]
                     [--no-ceilings] [--service-jvm "-Xms128m -Xmx1g"] [--output tools/benchmark/results]""";

    private HeraldBenchmark() {}

    public static void main(String[] args) {
        Path repository = Path.of("").toAbsolutePath();
        if (args.length > 0 && args[0].equals("faults")) {
            System.exit(FaultSuite.launch(Arrays.copyOfRange(args, 1, args.length), repository));
        }
        System.exit(launch(args, repository));
    }

    /** Runs the benchmark as the command line asks; returns the exit code. */
    static int launch(String[] args, Path repository) {
        return CommandLine.launch(args, repository, USAGE, HeraldBenchmark::parse, options -> {
            Path folder = CommandLine.runFolder(options.output(), "");
            Results results = run(options, folder, "./herald-benchmark " + String.join(" ", args));
            boolean exact =
                    results.scenarios().stream().allMatch(s -> s.correctness().exact());
            return new CommandLine.Report(ResultFiles.markdown(results), folder, exact);
        });
    }

    /** Runs every scenario of the options and writes the results into the folder. */
    static Results run(BenchmarkOptions options, Path folder, String command) {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ScenarioResult> scenarios = new ArrayList<>();
        String smtpSink = "";
        String postgresql = "";
        String kafkaBroker = "";
        for (Scenario scenario : options.scenarios()) {
            log.info("{}: starting Herald", scenario.label());
            try (BenchmarkStack stack = BenchmarkStack.start(options, scenario, folder.resolve(scenario.label()))) {
                smtpSink = stack.smtp().name();
                postgresql = stack.herald().postgresDurability();
                kafkaBroker = String.join(" ", stack.herald().kafka().jvmOptions());
                scenarios.add(
                        switch (scenario) {
                            case LATENCY -> new LatencyRun(options).run(stack);
                            case HELD_WEBHOOK -> new HeldReleaseRun(options).run(stack);
                            default -> new FanOutRun(options, scenario).run(stack);
                        });
            }
            // written after each scenario: a long run that fails later keeps what it measured
            ResultFiles.write(
                    new Results(startedAt, command, Machines.describe(smtpSink, postgresql, kafkaBroker), scenarios),
                    folder);
        }
        return new Results(startedAt, command, Machines.describe(smtpSink, postgresql, kafkaBroker), scenarios);
    }

    static BenchmarkOptions parse(String[] args, Path repository) {
        CommandLine line = CommandLine.parse(
                args,
                repository,
                Set.of(
                        "--n",
                        "--scenario",
                        "--smtp-sink",
                        "--smtp-connections",
                        "--webhook-concurrency",
                        "--webhook-hosts",
                        "--stall-seconds",
                        "--warm-up",
                        "--hold-margin",
                        "--service-jvm",
                        "--output"),
                Set.of("--no-ceilings"));
        int n = line.positive("--n", 100_000);
        String scenarios = line.value("--scenario", "all");
        String sink = line.value("--smtp-sink", "auto");
        int connections = line.positive("--smtp-connections", 4);
        int concurrency = line.positive("--webhook-concurrency", 16);
        int hosts = line.positive("--webhook-hosts", 64);
        long stall = line.positive("--stall-seconds", 30);
        // as many as the measured change: a smaller first fan-out left the C2 compiler busy through the measured one
        int warmUp = line.positive("--warm-up", n);
        boolean ceilings = !line.has("--no-ceilings");
        @Nullable
        Duration holdMargin = line.has("--hold-margin") ? Duration.ofSeconds(line.positive("--hold-margin", 0)) : null;
        List<String> jvm = line.serviceJvm();
        Path output = line.output(repository);
        if (holdMargin != null && holdMargin.compareTo(Duration.ofHours(1)) > 0) {
            // quiet hours are a daily window: a margin near a day would wrap around it
            throw new IllegalArgumentException("--hold-margin takes at most 3600 seconds");
        }
        if (hosts > WebhookSink.MOST_HOSTS) {
            // one loopback address each, from 127.0.0.2 to 127.0.0.254
            throw new IllegalArgumentException("--webhook-hosts takes at most " + WebhookSink.MOST_HOSTS);
        }
        if (!List.of("auto", "postfix", "java").contains(sink)) {
            throw new IllegalArgumentException("--smtp-sink takes auto, postfix or java");
        }
        List<Scenario> chosen;
        try {
            chosen = Scenario.parse(scenarios);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--scenario takes email, webhook, webhook-tls, mixed, latency, held-webhook or all");
        }
        return new BenchmarkOptions(
                n,
                chosen,
                repository,
                output,
                sink,
                connections,
                concurrency,
                hosts,
                100,
                20,
                jvm,
                Duration.ofSeconds(stall),
                warmUp,
                ceilings,
                holdMargin);
    }
}
