package eu.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.local.HeraldService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke run of the fault suite: the packaged services as separate processes, two notifiers and two matchers,
 * 500 municipalities with an email and a webhook endpoint each, and on one Herald one fan-out per fault: a notifier
 * killed with SIGKILL half-way, the broker restarted, the sinks down for 20 seconds. Every delivery arrives, none
 * twice without the log saying why, everything agrees, and the work of the dead notifier resumes within 30 s.
 */
class FaultSuiteIntegrationTests {

    private static final Path REPOSITORY = Path.of(System.getProperty("herald.repository", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final int MUNICIPALITIES = 500;

    @Test
    void loseNothingAndRepeatNothingUnexplainedUnderAKilledNotifierABrokerRestartAndASinkOutage() throws Exception {
        Path folder = Path.of("target", "fault-smoke").toAbsolutePath();
        BenchmarkStack.deleteRecursively(folder);
        FaultOptions options = new FaultOptions(
                MUNICIPALITIES,
                MUNICIPALITIES,
                MUNICIPALITIES,
                List.of(Fault.NOTIFIER_KILL, Fault.BROKER_RESTART, Fault.SINK_OUTAGE),
                REPOSITORY,
                folder,
                2,
                2,
                1,
                true,
                Duration.ofSeconds(20),
                Duration.ofSeconds(3),
                Duration.ofSeconds(200),
                HeraldService.SMALL_JVM);

        FaultReport.Suite suite = FaultSuite.run(options, folder, "smoke test");

        assertThat(suite.machine().postgresql()).isEqualTo("synchronous_commit=on, fsync=on");
        assertThat(suite.faults())
                .extracting(FaultResult::fault)
                .containsExactly("notifier-kill", "broker-restart", "sink-outage");
        for (FaultResult fault : suite.faults()) {
            assertThat(fault.expected()).isEqualTo(2L * MUNICIPALITIES);
            assertThat(fault.wire().received()).as(fault.fault()).isEqualTo(fault.expected());
            assertThat(fault.wire().lost()).as(fault.fault()).isZero();
            assertThat(fault.wire().internalDuplicates()).as(fault.fault()).isZero();
            assertThat(fault.wire().rawWireDuplicates())
                    .as(fault.fault())
                    .isLessThanOrEqualTo(fault.wire().inFlightBound());
            assertThat(fault.consistency().logged()).as(fault.fault()).isEqualTo(fault.expected());
            assertThat(fault.consistency().notFinal()).as(fault.fault()).isZero();
            assertThat(fault.consistency().withoutOneFinalOutcome())
                    .as(fault.fault())
                    .isZero();
            assertThat(fault.consistency().historyDisagrees()).as(fault.fault()).isZero();
            assertThat(fault.consistency().requests()).as(fault.fault()).isEqualTo(MUNICIPALITIES);
            assertThat(fault.consistency().duplicateRequests())
                    .as(fault.fault())
                    .isZero();
            assertThat(fault.recoveries())
                    .as(fault.fault())
                    .isNotEmpty()
                    .allSatisfy(recovery -> assertThat(recovery.met())
                            .as(recovery.what() + ": " + recovery.seconds() + " s")
                            .isTrue());
            assertThat(fault.passed()).as(fault.fault()).isTrue();
        }
        assertThat(suite.faults().get(0).events())
                .extracting(FaultResult.Event::what)
                .anySatisfy(event -> assertThat(event).startsWith("SIGKILL notifications"));
        assertThat(suite.faults().get(2).events())
                .extracting(FaultResult.Event::what)
                .contains("SMTP and webhook sinks down at 30 %", "sinks back");

        assertThat(Files.readString(folder.resolve("results.md")))
                .contains("| notifier-kill | 1,000 of 1,000", "| sink-outage | 1,000 of 1,000", "passed");
        assertThat(Files.readString(folder.resolve("results.json"))).contains("\"rawWireDuplicates\"");
        assertThat(ImageIO.read(folder.resolve("sink-outage.png").toFile()).getWidth())
                .isPositive();
    }
}
