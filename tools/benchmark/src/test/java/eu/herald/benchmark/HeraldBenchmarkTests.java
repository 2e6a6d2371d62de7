package eu.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeraldBenchmarkTests {

    @TempDir
    Path repository;

    @Test
    void parsesTheHeldScenarioAsTheCommandLineSpellsIt() throws IOException {
        BenchmarkOptions options = parse("--scenario", "webhook,held-webhook");

        assertThat(options.scenarios()).containsExactly(Scenario.WEBHOOK, Scenario.HELD_WEBHOOK);
        assertThat(Scenario.HELD_WEBHOOK.label()).isEqualTo("held-webhook");
    }

    @Test
    void parsesTheTlsScenarioAndItsHostsAndRunsItWithAll() throws IOException {
        BenchmarkOptions options = parse("--scenario", "webhook,webhook-tls", "--webhook-hosts", "32");

        assertThat(options.scenarios()).containsExactly(Scenario.WEBHOOK, Scenario.WEBHOOK_TLS);
        assertThat(options.webhookHosts()).isEqualTo(32);
        assertThat(parse().scenarios()).contains(Scenario.WEBHOOK, Scenario.WEBHOOK_TLS);
        assertThat(parse().webhookHosts()).isEqualTo(64);
    }

    @Test
    void refusesMoreWebhookHostsThanTheLoopbackAddressesTheSinkUses() throws IOException {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--webhook-hosts", "254"))
                .withMessageContaining("--webhook-hosts");
    }

    @Test
    void endsTheQuietWindowLaterTheLargerTheFanOut() throws IOException {
        BenchmarkOptions options = parse("--scenario", "held-webhook");

        assertThat(options.municipalities()).isEqualTo(100_000);
        assertThat(options.holdMargin(100_000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.holdMargin(2_000)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void takesTheHoldMarginGiven() throws IOException {
        BenchmarkOptions options = parse("--scenario", "held-webhook", "--hold-margin", "90");

        assertThat(options.holdMargin(100_000)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesAHoldMarginOfMoreThanAnHour() throws IOException {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--hold-margin", "3601"))
                .withMessageContaining("--hold-margin");
    }

    private BenchmarkOptions parse(String... args) throws IOException {
        Files.createDirectories(repository.resolve("services"));
        return HeraldBenchmark.parse(args, repository);
    }
}
