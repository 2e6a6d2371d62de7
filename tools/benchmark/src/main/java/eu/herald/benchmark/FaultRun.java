package eu.herald.benchmark;

import eu.herald.benchmark.FaultLedger.Logged;
import eu.herald.benchmark.FaultResult.Consistency;
import eu.herald.benchmark.FaultResult.Wire;
import eu.herald.benchmark.Municipalities.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fault during one fan-out on a fresh Herald: N municipalities with an email and a webhook endpoint each, the
 * networking session rescheduled, the fault's steps done while the deliveries arrive, then the accounts: what the
 * sinks received against the delivery log, the requests, the final outcomes and subscriptions' history.
 */
final class FaultRun {

    private static final Logger log = LoggerFactory.getLogger(FaultRun.class);
    /** Parallel attempts of one notifier: twice its 4 SMTP connections, and 16 webhooks. */
    static final int SENDS_PER_NOTIFIER = 2 * 4 + 16;

    private final FaultOptions options;
    private final Fault fault;
    private String durability = "";

    FaultRun(FaultOptions options, Fault fault) {
        this.options = options;
        this.fault = fault;
    }

    FaultResult run(Path home) {
        int notifiers = fault == Fault.SCALE_OUT ? 1 : options.notifiers();
        log.info(
                "{}: starting Herald with {} notifiers and {} subscriptions",
                fault.label(),
                notifiers,
                options.subscriptions());
        try (FaultStack stack = FaultStack.start(options, home, notifiers)) {
            return run(stack);
        }
    }

    /** The fault during one more fan-out on a running Herald. */
    FaultResult run(FaultStack faults) {
        BenchmarkStack stack = faults.stack();
        durability = stack.herald().postgresDurability();
        int n = options.municipalitiesFor(fault);
        log.info("{}: seeding {} municipalities", fault.label(), n);
        List<Endpoint> endpoints =
                Municipalities.seed(stack.jdbcUrl("subscriptions"), n, Scenario.MIXED.channels(), stack.webhooks());
        Deliveries deliveries =
                new Deliveries(List.of(stack.smtp().receipts(), stack.webhooks().receipts()));
        FaultLedger ledger = new FaultLedger();
        List<String> notes = new ArrayList<>();
        FaultActions actions = new FaultActions(faults, options, deliveries, endpoints.size());
        Catalogue.Change change;
        Map<String, Integer> finalOutcomes;
        long copies;
        try (Catalogue catalogue = new Catalogue(stack.url("catalogue"), stack.kafka(), stack::operatorToken);
                TopicWatch requests = TopicWatch.fromEnd(
                        stack.kafka(), FanOutRun.REQUESTS, record -> ledger.request(record.value()));
                OutcomeWatch outcomes = OutcomeWatch.fromEnd(stack.kafka())) {
            actions.before(fault);
            log.info("{}: rescheduling the networking session", fault.label());
            Catalogue.Change changed = catalogue.reschedule();
            change = changed;
            deliveries.expect(changed, endpoints);
            CompletableFuture<Void> steps = CompletableFuture.runAsync(() -> actions.run(fault, changed, ledger));
            if (!deliveries.awaitAll(options.stall(), 20)) {
                notes.add(String.format(
                        Locale.ROOT,
                        "Nothing arrived for %d s: the run stopped waiting with %,d deliveries missing.",
                        options.stall().toSeconds(),
                        endpoints.size() - deliveries.received()));
            }
            actions.over();
            steps.join();
            if (!outcomes.awaitProcessed(changed.changeId(), endpoints.size(), options.stall())) {
                notes.add("Herald had not relayed and recorded every outcome when the accounts were taken.");
            }
            // a little longer, for a repeat that follows its original
            FanOutRun.pause(3_000);
            deliveries.collect();
            finalOutcomes = outcomes.finalOutcomesByDelivery();
            copies = outcomes.copies();
        }
        long[] arrivals = deliveries.arrivals();
        Map<String, Logged> deliveryLog = FaultLedger.deliveryLog(stack.jdbcUrl("notifications"), change.changeId());
        Map<String, String> history = FaultLedger.history(stack.jdbcUrl("subscriptions"), change.changeId());
        FaultMarks marks = actions.marks();
        long exposed = inFlight(marks, faults);
        Wire wire = FaultLedger.wire(deliveries, deliveryLog, exposed);
        Consistency consistency = ledger.consistency(deliveryLog, history, finalOutcomes, copies);
        notes.addAll(marks.notes());
        long origin = change.occurredAtMicros();
        double seconds = arrivals.length == 0 ? 0 : (arrivals[arrivals.length - 1] - origin) / 1e6;
        FaultResult result = new FaultResult(
                fault.label(),
                fault.description(),
                n,
                endpoints.size(),
                Math.round(seconds * 10) / 10.0,
                marks.events(),
                wire,
                consistency,
                marks.recoveries(arrivals),
                marks.rates(arrivals),
                FaultTimeline.perSecond(arrivals, origin),
                notes);
        log.info("{}: {}", fault.label(), result.passed() ? "passed" : "FAILED");
        return result;
    }

    /** What a commit of the run's PostgreSQL waited for, as the server reported it. */
    String durability() {
        return durability;
    }

    /**
     * How many sends could have been under way when a fault struck, and so could arrive twice: each killed instance's
     * parallel attempts, or, when the receivers or Herald's database went away under them, every running notifier's.
     */
    private long inFlight(FaultMarks marks, FaultStack stack) {
        return switch (fault) {
            case NOTIFIER_KILL -> marks.kills() * SENDS_PER_NOTIFIER;
            case SINK_OUTAGE, POSTGRES_KILL, BROKER_KILL, BROKER_RESTART, SCALE_OUT ->
                (long) SENDS_PER_NOTIFIER * stack.notifiers().size();
            case SUBSCRIPTIONS_KILL -> 0;
        };
    }
}
