package eu.herald.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.benchmark.report.Results.Correctness;
import eu.herald.benchmark.report.Results.Latency;
import eu.herald.benchmark.report.Results.Machine;
import eu.herald.benchmark.report.Results.Rate;
import eu.herald.benchmark.report.Results.Release;
import eu.herald.benchmark.report.Results.ScenarioResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultFilesTests {

    @Test
    void saysWhenTheHeldDeliveriesWereRecordedAndReleased() {
        String markdown = ResultFiles.markdown(results(new Release("2026-12-06T17:47:00Z", 2.0, 51.0, true, 887.2, 0)));

        assertThat(markdown)
                .contains("| held-webhook | 2,000 of 2,000 | – | 3.3 s | 606 |")
                .contains("Held in quiet hours until 2026-12-06T17:47:00Z: recorded 2.0 s after the change's commit,"
                        + " all SCHEDULED; the window ended 51.0 s after it; first delivery 887 ms after the window's"
                        + " end, 2,000 released in 3.3 s (606/s).");
    }

    @Test
    void statesTheDatabasesDurabilityAndTheBrokersJvm() {
        String markdown = ResultFiles.markdown(results(new Release("2026-12-06T17:47:00Z", 2.0, 51.0, true, 887.2, 0)));

        assertThat(markdown)
                .contains(
                        "PostgreSQL: synchronous_commit=on, fsync=on; Kafka broker JVM: `-Xms1g -Xmx1g -XX:+UseG1GC`.");
    }

    @Test
    void saysWhenTheDeliveriesWereNotAllHeldUntilTheWindowEnded() {
        String markdown =
                ResultFiles.markdown(results(new Release("2026-12-06T17:47:00Z", 62.4, 51.0, false, 887.2, 0)));

        assertThat(markdown).contains("**not all SCHEDULED before the window ended**");
    }

    private static Results results(Release release) {
        return new Results(
                "2026-12-06T17:44:23Z",
                "./herald-benchmark --n 2000 --scenario held-webhook",
                new Machine(
                        "AMD EPYC",
                        2,
                        24_105,
                        "Linux",
                        "17.0.15",
                        "java",
                        "JDK HttpServer",
                        "synchronous_commit=on, fsync=on",
                        "-Xms1g -Xmx1g -XX:+UseG1GC"),
                List.of(new ScenarioResult(
                        "held-webhook",
                        2_000,
                        2_000,
                        null,
                        release,
                        new Rate(2_000, 3.303, 605.6),
                        new Latency(2_000, 2_384, 3_229, 3_299, 3_303),
                        new Correctness(2_000, 2_000, 0, 0, 0, 0),
                        List.of(),
                        List.of(),
                        List.of(),
                        Map.of(),
                        List.of())));
    }
}
