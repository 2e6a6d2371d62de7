package eu.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.herald.benchmark.report.Results.Ceiling;
import eu.herald.benchmark.report.Results.Correctness;
import eu.herald.benchmark.report.Results.Rate;
import eu.herald.benchmark.report.Results.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutTargetsTests {

    private static final Correctness EXACT = new Correctness(100_000, 100_000, 0, 0, 0, 0);

    @Test
    void judgeTheMatcherAndTheDeliveriesByTheirShareOfTheCeilingsOfTheSameRun() {
        List<Target> targets = FanOutRun.targets(
                Scenario.WEBHOOK, EXACT, List.of(), List.of(ceiling("Kafka produce+consume", 0.16), webhooks(0.24)));

        assertThat(targets)
                .extracting(Target::what, Target::measured, Target::met)
                .startsWith(
                        tuple("matcher ≥ 15 % of the Kafka produce+consume (was ≥ 20,000 requests/s)", "16 %", true),
                        tuple(
                                "delivery rate ≥ 25 % of the bare JDK HttpClient → webhook sink (was 100,000 in ≤ 30 s)",
                                "24 %", false));
    }

    @Test
    void holdEachScenarioToTheShareItsTimeTargetCameTo() {
        assertThat(deliveryTarget(Scenario.EMAIL, 0.53).met()).isTrue();
        assertThat(deliveryTarget(Scenario.EMAIL, 0.52).met()).isFalse();
        assertThat(deliveryTarget(Scenario.MIXED, 0.42).met()).isTrue();
        assertThat(deliveryTarget(Scenario.MIXED, 0.41).met()).isFalse();
        assertThat(deliveryTarget(Scenario.WEBHOOK_TLS, 0.25).met()).isTrue();
    }

    @Test
    void missNoShareTargetWhenDeliveriesAreMissing() {
        Correctness missing = new Correctness(100_000, 99_999, 1, 0, 0, 0);

        Target delivery = FanOutRun.targets(Scenario.WEBHOOK, missing, List.of(), List.of(webhooks(0.9)))
                .get(0);

        assertThat(delivery.met()).isFalse();
    }

    @Test
    void stateNoShareTargetWithoutCeilings() {
        assertThat(FanOutRun.targets(Scenario.EMAIL, EXACT, List.of(), List.of()))
                .extracting(Target::what)
                .containsExactly("zero lost, zero duplicated deliveries");
    }

    private static Target deliveryTarget(Scenario scenario, double share) {
        return FanOutRun.targets(scenario, EXACT, List.of(), List.of(ceiling("bare client", share)))
                .get(0);
    }

    private static Ceiling webhooks(double share) {
        return ceiling("bare JDK HttpClient → webhook sink", share);
    }

    private static Ceiling ceiling(String name, double share) {
        return new Ceiling(name, "", new Rate(100_000, 10, 10_000), share);
    }
}
