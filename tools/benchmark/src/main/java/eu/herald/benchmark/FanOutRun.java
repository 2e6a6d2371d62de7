package eu.herald.benchmark;

import eu.herald.benchmark.Municipalities.Endpoint;
import eu.herald.benchmark.Scenario.Channel;
import eu.herald.benchmark.report.Percentiles;
import eu.herald.benchmark.report.Results.Ceiling;
import eu.herald.benchmark.report.Results.Correctness;
import eu.herald.benchmark.report.Results.Latency;
import eu.herald.benchmark.report.Results.ProcessUsage;
import eu.herald.benchmark.report.Results.Rate;
import eu.herald.benchmark.report.Results.ScenarioResult;
import eu.herald.benchmark.report.Results.Target;
import eu.herald.benchmark.sink.Receipts;
import eu.herald.benchmark.sink.WebhookSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fan-out: N municipalities seeded (not timed), the networking session rescheduled once, and
 * everything measured from the change's commit: the requests reaching the topic, the deliveries
 * reaching the sinks, each process's resources; then the raw ceilings on the same broker and sinks.
 */
final class FanOutRun {

    private static final Logger log = LoggerFactory.getLogger(FanOutRun.class);
    static final String REQUESTS = "subscriptions.notification-requests.v1";
    /** Requests kept as the payload of the Kafka ceiling. */
    private static final int SAMPLES = 200;

    private final BenchmarkOptions options;
    private final Scenario scenario;

    FanOutRun(BenchmarkOptions options, Scenario scenario) {
        this.options = options;
        this.scenario = scenario;
    }

    ScenarioResult run(BenchmarkStack stack) {
        int n = options.municipalities();
        warmUp(stack, options, scenario);
        log.info("{}: seeding {} municipalities", scenario.label(), n);
        List<Endpoint> endpoints =
                Municipalities.seed(stack.jdbcUrl("subscriptions"), n, scenario.channels(), stack.webhooks());
        List<String> notes = new ArrayList<>();
        Deliveries deliveries = new Deliveries(sinks(stack));
        notes.add(String.format(
                Locale.ROOT,
                "Measured after one unmeasured warm-up change to %,d municipalities (compiled code, open connections).",
                Math.min(n, options.warmUp())));
        AtomicLong requests = new AtomicLong();
        // where each request is on the topic and when the harness read it; when it became readable is worked out
        // from the stable offsets afterwards
        List<StableOffsets.Read> requestRecords = new ArrayList<>();
        List<byte[]> samples = new CopyOnWriteArrayList<>();
        int partitions = Admins.partitions(stack.kafka(), REQUESTS);
        Catalogue.Change change;
        List<ProcessUsage> usage;
        long[] requestArrivals;
        try (Catalogue catalogue = new Catalogue(stack.url("catalogue"), stack.kafka(), stack::operatorToken);
                StableOffsets stable = StableOffsets.follow(stack.kafka(), REQUESTS, partitions);
                TopicWatch watch = TopicWatch.fromEnd(stack.kafka(), REQUESTS, record -> {
                    StableOffsets.Read read =
                            new StableOffsets.Read(record.partition(), record.offset(), Receipts.nowMicros());
                    synchronized (requestRecords) {
                        requestRecords.add(read);
                    }
                    requests.incrementAndGet();
                    if (samples.size() < SAMPLES) {
                        samples.add(record.value());
                    }
                });
                OutcomeWatch outcomes = OutcomeWatch.fromEnd(stack.kafka())) {
            ResourceMonitor monitor = new ResourceMonitor(stack.processes(), stack.gcLogs());
            log.info("{}: rescheduling the networking session", scenario.label());
            change = catalogue.reschedule();
            deliveries.expect(change, endpoints);
            awaitDeliveries(deliveries, requests);
            // the work does not end with the last delivery: its outcomes are relayed and recorded in the history
            if (!outcomes.awaitProcessed(change.changeId(), endpoints.size(), options.stall())) {
                notes.add("Herald had not relayed and recorded every outcome when resources were last counted.");
            }
            usage = monitor.usage();
            // a little longer, for a duplicate that follows its original
            pause(2_000);
            deliveries.collect();
            synchronized (requestRecords) {
                requestArrivals = stable.visibleMicros(requestRecords);
            }
        }
        Arrays.sort(requestArrivals);
        long origin = change.occurredAtMicros();
        Correctness correctness = deliveries.correctness();
        Rate matcher = requestArrivals.length == 0
                ? new Rate(0, 0, 0)
                : RawCeilings.rate(requestArrivals.length, origin, requestArrivals[requestArrivals.length - 1]);
        Rate delivery = deliveries.received() == 0
                ? new Rate(0, 0, 0)
                : RawCeilings.rate(deliveries.received(), origin, deliveries.lastArrivalMicros());
        Latency latency = Percentiles.of(deliveries.latencies());
        if (scenario.overTls()) {
            WebhookSink sink = stack.webhooks();
            notes.add(String.format(
                    Locale.ROOT,
                    "Webhooks %s: %,d requests over TLS (warm-up and measured change) reached %d of the %d hosts;"
                            + " notifications trusts the sink's certificate through an SSL bundle, and keeps its"
                            + " default connections per host.",
                    sink.describe(),
                    sink.arrivalsOverTls(),
                    sink.hostsReached(),
                    sink.hosts()));
        }
        log.info(
                "{}: {} requests ({} /s), {} of {} deliveries in {} s ({} /s), latency p50 {} ms p99 {} ms",
                scenario.label(),
                matcher.count(),
                matcher.perSecond(),
                correctness.distinctReceived(),
                correctness.expected(),
                delivery.seconds(),
                delivery.perSecond(),
                latency.p50(),
                latency.p99());

        Map<String, List<double[]>> series = new LinkedHashMap<>();
        series.put("deliveries", deliveries.cumulative(origin));
        series.put("requests on the topic", Deliveries.cumulative(requestArrivals, origin));
        List<Ceiling> ceilings = options.ceilings() && !samples.isEmpty()
                ? ceilings(stack, endpoints, matcher, delivery, partitions, samples, notes)
                : List.of();
        return new ScenarioResult(
                scenario.label(),
                n,
                endpoints.size(),
                matcher,
                null,
                delivery,
                latency,
                correctness,
                usage,
                ceilings,
                targets(scenario, correctness, usage, ceilings),
                series,
                notes);
    }

    /**
     * One unmeasured change to some of the scenario's municipalities first, so that the figures are those
     * of services that have been running (compiled code, open connections, warm caches), not of a first
     * request after a start: on two cores the JIT compiler alone takes tens of CPU seconds per service.
     */
    static void warmUp(BenchmarkStack stack, BenchmarkOptions options, Scenario scenario) {
        int count = Math.min(options.municipalities(), options.warmUp());
        log.info("{}: warming up with one change to {} municipalities", scenario.label(), count);
        List<Endpoint> endpoints =
                Municipalities.seed(stack.jdbcUrl("subscriptions"), count, scenario.channels(), stack.webhooks());
        Deliveries deliveries = new Deliveries(sinks(stack, scenario));
        try (Catalogue catalogue = new Catalogue(stack.url("catalogue"), stack.kafka(), stack::operatorToken)) {
            Catalogue.Change change = catalogue.reschedule();
            deliveries.expect(change, endpoints);
            deliveries.awaitAll(options.stall(), 20);
        }
    }

    private List<Receipts> sinks(BenchmarkStack stack) {
        return sinks(stack, scenario);
    }

    private static List<Receipts> sinks(BenchmarkStack stack, Scenario scenario) {
        List<Receipts> sinks = new ArrayList<>();
        if (scenario.channels().contains(Channel.EMAIL)) {
            sinks.add(stack.smtp().receipts());
        }
        if (scenario.channels().contains(Channel.WEBHOOK)) {
            sinks.add(stack.webhooks().receipts());
        }
        return sinks;
    }

    /**
     * Waits until every expected delivery arrived, or until nothing (no request, no delivery) has happened for the
     * stall time.
     */
    private void awaitDeliveries(Deliveries deliveries, AtomicLong requests) {
        long lastProgress = System.nanoTime();
        long lastRequests = 0;
        while (!deliveries.complete()) {
            boolean progress = deliveries.collect() | requests.get() != lastRequests;
            lastRequests = requests.get();
            if (progress) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > options.stall().toNanos()) {
                log.warn(
                        "{}: nothing arrived for {} s; giving up with {} deliveries",
                        scenario.label(),
                        options.stall().toSeconds(),
                        deliveries.received());
                break;
            }
            pause(20);
        }
    }

    private List<Ceiling> ceilings(
            BenchmarkStack stack,
            List<Endpoint> endpoints,
            Rate matcher,
            Rate delivery,
            int partitions,
            List<byte[]> samples,
            List<String> notes) {
        int n = options.municipalities();
        List<Ceiling> ceilings = new ArrayList<>();
        log.info("{}: raw ceilings", scenario.label());
        Rate kafka = RawCeilings.kafka(stack.kafka(), partitions, samples, n);
        ceilings.add(new Ceiling(
                "Kafka produce+consume",
                String.format(
                        Locale.ROOT,
                        "%,d records of the run's request sizes (avg %,d B), zstd, %d partitions",
                        n,
                        samples.stream().mapToInt(sample -> sample.length).sum() / samples.size(),
                        partitions),
                kafka,
                share(matcher, kafka)));
        long emailBytes = stack.smtp().receipts().averageBytes();
        List<Endpoint> hooks = endpoints.stream()
                .filter(endpoint -> endpoint.channel() == Channel.WEBHOOK)
                .toList();
        // what Herald posted, not a request record: the bare client sends the same bytes
        byte @Nullable [] body = stack.webhooks().lastBody();
        CompletableFuture<Rate> smtp = scenario.channels().contains(Channel.EMAIL)
                ? CompletableFuture.supplyAsync(() -> RawCeilings.smtp(
                        stack.smtp().port(),
                        options.smtpConnections(),
                        n,
                        emailBytes,
                        stack.smtp().receipts()))
                : null;
        CompletableFuture<Rate> webhooks = !hooks.isEmpty() && body != null
                ? CompletableFuture.supplyAsync(() -> bareWebhooks(stack, options, hooks, body))
                : null;
        if (smtp != null && webhooks != null) {
            Rate email = smtp.join();
            Rate hooked = webhooks.join();
            double seconds = Math.max(email.seconds(), hooked.seconds());
            Rate both = new Rate(2L * n, seconds, Math.round(2.0 * n / seconds * 10) / 10.0);
            ceilings.add(new Ceiling(
                    "SMTP and webhook clients at once",
                    String.format(
                            Locale.ROOT,
                            "%,d emails over %d connections (%,.0f/s) and %,d signed POSTs, %d in flight (%,.0f/s)",
                            n,
                            options.smtpConnections(),
                            email.perSecond(),
                            n,
                            options.webhookConcurrency(),
                            hooked.perSecond()),
                    both,
                    share(delivery, both)));
        } else if (smtp != null) {
            Rate email = smtp.join();
            ceilings.add(new Ceiling(
                    "bare Jakarta Mail client → " + stack.smtp().name(),
                    String.format(
                            Locale.ROOT,
                            "%,d messages of %,d B over %d reused connections",
                            n,
                            emailBytes,
                            options.smtpConnections()),
                    email,
                    share(delivery, email)));
        } else if (webhooks != null && body != null) {
            ceilings.add(webhookCeiling(options, stack.webhooks(), webhooks.join(), body, delivery));
        }
        notes.add("Raw ceilings ran after Herald's deliveries, on the same broker and sinks, with the services idle.");
        return ceilings;
    }

    /**
     * N signed POSTs of the body from the bare JDK client to the webhook sink, round robin over the endpoints: to
     * the same receivers as Herald's, over https trusting the same certificate when the sink serves TLS.
     */
    static Rate bareWebhooks(BenchmarkStack stack, BenchmarkOptions options, List<Endpoint> hooks, byte[] body) {
        return RawCeilings.webhooks(
                i -> stack.webhooks().urlOf(hooks.get(i % hooks.size()).id().toString()),
                i -> hooks.get(i % hooks.size()).id().toString(),
                stack.masterKey(),
                options.webhookConcurrency(),
                options.municipalities(),
                body,
                stack.webhooks().receipts(),
                stack.webhooks().clientTls());
    }

    /** The bare webhook client's rate, and Herald's delivery rate as a share of it. */
    static Ceiling webhookCeiling(BenchmarkOptions options, WebhookSink sink, Rate hooked, byte[] body, Rate delivery) {
        return new Ceiling(
                "bare JDK HttpClient → webhook sink",
                String.format(
                        Locale.ROOT,
                        "%,d signed POSTs of %,d B, %d in flight, %s",
                        hooked.count(),
                        body.length,
                        options.webhookConcurrency(),
                        sink.describe()),
                hooked,
                share(delivery, hooked));
    }

    private static double share(Rate herald, Rate ceiling) {
        return ceiling.perSecond() == 0 ? 0 : Math.round(herald.perSecond() / ceiling.perSecond() * 1000) / 1000.0;
    }

    /**
     * The targets as shares of the ceilings measured in the same run, since absolute rates move between machines by
     * a factor of two. The matcher's share and the time targets' are what the first, absolute targets (matcher ≥
     * 20,000 requests/s; 100,000 webhooks in 30 s, 100,000 emails in 60 s, 200,000 mixed in 90 s) came to on the
     * machine where they were set, against its ceilings of 2026-11-29 (132,061 Kafka records/s at the lowest,
     * 13,597 webhooks/s, 3,134 emails/s, 5,324/s for both at once).
     */
    static List<Target> targets(
            Scenario scenario, Correctness correctness, List<ProcessUsage> usage, List<Ceiling> ceilings) {
        List<Target> targets = new ArrayList<>();
        double delivery = switch (scenario) {
            case WEBHOOK, WEBHOOK_TLS -> 0.25;
            case MIXED -> 0.42;
            default -> 0.53;
        };
        for (Ceiling ceiling : ceilings) {
            boolean kafka = ceiling.name().startsWith("Kafka");
            double required = kafka ? 0.15 : delivery;
            String what = kafka ? "matcher" : "delivery rate";
            String was = kafka ? "≥ 20,000 requests/s" : timeTarget(scenario);
            targets.add(new Target(
                    String.format(
                            Locale.ROOT, "%s ≥ %.0f %% of the %s (was %s)", what, required * 100, ceiling.name(), was),
                    String.format(Locale.ROOT, "%.0f %%", ceiling.heraldShare() * 100),
                    (kafka || correctness.missing() == 0) && ceiling.heraldShare() >= required));
        }
        targets.addAll(sharedTargets(correctness, usage, ceilings));
        return targets;
    }

    /** The absolute target the scenario's delivery share stands for. */
    private static String timeTarget(Scenario scenario) {
        return switch (scenario) {
            case WEBHOOK, WEBHOOK_TLS -> "100,000 in ≤ 30 s";
            case MIXED -> "200,000 in ≤ 90 s";
            default -> "100,000 in ≤ 60 s";
        };
    }

    /** The targets every fan-out has: the share of the bare clients' rate, notifications' heap, exactly once. */
    static List<Target> sharedTargets(Correctness correctness, List<ProcessUsage> usage, List<Ceiling> ceilings) {
        List<Target> targets = new ArrayList<>();
        ceilings.stream()
                .filter(ceiling -> !ceiling.name().startsWith("Kafka"))
                .forEach(ceiling -> targets.add(new Target(
                        "delivery rate ≥ 50 % of the raw client-to-sink ceiling",
                        String.format(Locale.ROOT, "%.0f %%", ceiling.heraldShare() * 100),
                        ceiling.heraldShare() >= 0.5)));
        usage.stream()
                .filter(process -> process.name().equals("notifications"))
                .filter(process -> process.heapAfterGcMiB() != null)
                .forEach(process -> targets.add(new Target(
                        "notifications heap after GC ≤ 512 MiB",
                        String.format(Locale.ROOT, "%.0f MiB at most", process.heapAfterGcMiB()),
                        process.heapAfterGcMiB() <= 512)));
        targets.add(new Target(
                "zero lost, zero duplicated deliveries",
                String.format(
                        Locale.ROOT,
                        "%,d missing, %,d duplicated, %,d unexpected",
                        correctness.missing(),
                        correctness.duplicates(),
                        correctness.unexpected()),
                correctness.exact()));
        return targets;
    }

    static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
