package eu.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.herald.benchmark.FaultResult.Consistency;
import eu.herald.benchmark.FaultResult.Recovery;
import eu.herald.benchmark.FaultResult.Wire;
import eu.herald.benchmark.Municipalities.Endpoint;
import eu.herald.benchmark.Scenario.Channel;
import eu.herald.benchmark.sink.Receipts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultSuiteTests {

    @TempDir
    Path repository;

    @Test
    void runsEveryFaultAtTwentyThousandMunicipalitiesWithThreeNotifiersByDefault() throws IOException {
        FaultOptions options = parse();

        assertThat(options.municipalities()).isEqualTo(20_000);
        assertThat(options.municipalitiesFor(Fault.SCALE_OUT)).isEqualTo(80_000);
        assertThat(options.municipalitiesFor(Fault.NOTIFIER_KILL)).isEqualTo(60_000);
        assertThat(options.municipalitiesFor(Fault.BROKER_KILL)).isEqualTo(20_000);
        assertThat(options.faults()).containsExactly(Fault.values());
        assertThat(options.notifiers()).isEqualTo(3);
        assertThat(options.subscriptions()).isEqualTo(2);
        assertThat(options.outage()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.killPoints()).containsExactly(0.2, 0.5, 0.8);
        assertThat(options.oneStack()).isFalse();
    }

    @Test
    void takesTheFaultsAsTheCommandLineSpellsThem() throws IOException {
        FaultOptions options = parse("--fault", "notifier-kill,sink-outage", "--kills", "1", "--one-stack");

        assertThat(options.faults()).containsExactly(Fault.NOTIFIER_KILL, Fault.SINK_OUTAGE);
        assertThat(options.killPoints()).containsExactly(0.5);
        assertThat(options.oneStack()).isTrue();
        assertThat(Fault.SINK_OUTAGE.label()).isEqualTo("sink-outage");
    }

    @Test
    void refusesWhatCannotMeanAnything() throws IOException {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--fault", "power-cut"))
                .withMessageContaining("notifier-kill");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--notifiers", "1"))
                .withMessageContaining("survivor");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--fault", "scale-out", "--one-stack"))
                .withMessageContaining("of its own");
    }

    @Test
    void retriesLongEnoughThatNoDeliveryDiesDuringTheOutage() throws IOException {
        for (String outage : List.of("20", "300", "900")) {
            FaultOptions options = parse("--outage", outage);
            List<Duration> schedule = options.retrySchedule();

            // with every wait drawn at its shortest (jitter 0.2), the attempts still outlast the outage
            long shortest = schedule.stream().mapToLong(Duration::toMillis).sum() * 8 / 10;
            assertThat(shortest).as(outage).isGreaterThan(options.outage().toMillis());
            assertThat(schedule)
                    .as(outage)
                    .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        }
    }

    @Test
    void countsARepeatAsRawOnlyWhereTheLogShowsWhy() {
        Receipts sink = new Receipts();
        Deliveries deliveries = new Deliveries(List.of(sink));
        Catalogue.Change change = new Catalogue.Change(UUID.randomUUID().toString(), 2, 0, 0);
        List<Endpoint> endpoints = List.of(endpoint(), endpoint(), endpoint(), endpoint());
        deliveries.expect(change, endpoints);
        String takenOver = id(change, endpoints.get(0));
        String retried = id(change, endpoints.get(1));
        String unexplained = id(change, endpoints.get(2));
        for (String id : List.of(takenOver, takenOver, retried, retried, unexplained, unexplained)) {
            sink.received(id);
        }
        deliveries.collect();

        Wire wire = FaultLedger.wire(
                deliveries,
                Map.of(
                        takenOver, new FaultLedger.Logged("SENT", 1, 1),
                        retried, new FaultLedger.Logged("SENT", 2, 0),
                        unexplained, new FaultLedger.Logged("SENT", 1, 0)),
                24);

        assertThat(wire.received()).isEqualTo(3);
        assertThat(wire.lost()).isEqualTo(1);
        assertThat(wire.rawWireDuplicates()).isEqualTo(2);
        assertThat(wire.internalDuplicates()).isEqualTo(1);
        assertThat(wire.takenOver()).isEqualTo(1);
    }

    @Test
    void failsOnAnythingLostInconsistentOrSlow() {
        Wire clean = new Wire(10, 0, 0, 2, 2, 24, 0, 0);
        Consistency consistent = new Consistency(10, 0, 0, 0, 0, 5, 0);
        Recovery quick = new Recovery("partitions", 12.0, 30.0);

        assertThat(result(clean, consistent, quick).passed()).isTrue();
        assertThat(result(new Wire(9, 1, 0, 0, 0, 24, 0, 0), consistent, quick).passed())
                .isFalse();
        assertThat(result(new Wire(10, 0, 1, 0, 0, 24, 0, 0), consistent, quick).passed())
                .isFalse();
        assertThat(result(new Wire(10, 0, 0, 25, 2, 24, 0, 0), consistent, quick)
                        .passed())
                .isFalse();
        assertThat(result(clean, new Consistency(10, 1, 0, 0, 0, 5, 0), quick).passed())
                .isFalse();
        assertThat(result(clean, new Consistency(10, 0, 1, 0, 0, 5, 0), quick).passed())
                .isFalse();
        assertThat(result(clean, new Consistency(10, 0, 0, 0, 1, 5, 0), quick).passed())
                .isFalse();
        assertThat(result(clean, new Consistency(10, 0, 0, 0, 0, 5, 1), quick).passed())
                .isFalse();
        assertThat(result(clean, consistent, new Recovery("partitions", 31.0, 30.0))
                        .passed())
                .isFalse();
        assertThat(result(clean, consistent, new Recovery("partitions", null, 30.0))
                        .passed())
                .isFalse();
    }

    @Test
    void readsRecoveriesAndRatesOffTheArrivals() {
        long second = 1_000_000L;
        // 10 a second for 10 s, nothing from 10 s to 30 s, then 10 a second again from 33 s
        long[] arrivals = java.util.stream.LongStream.concat(
                        java.util.stream.LongStream.range(0, 100).map(i -> i * second / 10),
                        java.util.stream.LongStream.range(0, 50).map(i -> 33 * second + i * second / 10))
                .toArray();

        assertThat(FaultTimeline.resumed(arrivals, 10 * second, 30 * second)).isEqualTo(3.0);
        assertThat(FaultTimeline.rate("before", arrivals, 0, 10 * second).perSecond())
                .isEqualTo(10.0);
        assertThat(FaultTimeline.perSecond(arrivals, 0)).hasSize(38).startsWith(10, 10);
        assertThat(FaultTimeline.perSecond(arrivals, 0)[20]).isZero();
    }

    @Test
    void namesAnInstanceByTheLabelInItsConsumersClientIds() {
        assertThat(FaultStack.labelOf("notifications-2" + BenchmarkStack.CLIENT_SUFFIX + "-0"))
                .isEqualTo("notifications-2");
        assertThat(FaultStack.labelOf("notifications" + BenchmarkStack.CLIENT_SUFFIX + "-2"))
                .isEqualTo("notifications");
    }

    private static FaultResult result(Wire wire, Consistency consistency, Recovery recovery) {
        return new FaultResult(
                "notifier-kill",
                "",
                5,
                10,
                1,
                List.of(),
                wire,
                consistency,
                List.of(recovery),
                List.of(),
                new int[0],
                List.of());
    }

    private static Endpoint endpoint() {
        return new Endpoint(UUID.randomUUID(), Channel.WEBHOOK);
    }

    private static String id(Catalogue.Change change, Endpoint endpoint) {
        return Municipalities.deliveryId(change.changeId(), endpoint.id());
    }

    private FaultOptions parse(String... args) throws IOException {
        Files.createDirectories(repository.resolve("services"));
        return FaultSuite.parse(args, repository);
    }
}
