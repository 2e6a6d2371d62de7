package eu.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTests {

    @TempDir
    Path repository;

    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void herald() throws IOException {
        Files.createDirectories(repository.resolve("services"));
    }

    @Test
    void answerHelpWithTheUsageAndRunNothing() {
        assertThat(FaultSuite.launch(new String[] {"--n", "500", "--help"}, repository))
                .isZero();
        assertThat(launch(true, "--help")).isZero();
        assertThat(runs).hasValue(0);
    }

    @Test
    void refuseUnknownOrIncompleteArgumentsWithExitCodeTwoAndRunNothing() {
        assertThat(HeraldBenchmark.launch(new String[] {"--scenario", "carrier-pigeon"}, repository))
                .isEqualTo(2);
        assertThat(FaultSuite.launch(new String[] {"--notifiers", "1"}, repository))
                .isEqualTo(2);
        assertThat(launch(true, "--power-cut")).isEqualTo(2);
        assertThat(launch(true, "--n")).isEqualTo(2);
        assertThat(runs).hasValue(0);
    }

    @Test
    void exitWithThreeWhenTheResultsDidNotPass() {
        assertThat(launch(true, "--n", "5")).isZero();
        assertThat(launch(false, "--n", "5")).isEqualTo(3);
        assertThat(runs).hasValue(2);
    }

    private int launch(boolean passed, String... args) {
        return CommandLine.launch(
                args,
                repository,
                "Usage: test [--n 1]",
                (arguments, home) -> CommandLine.parse(arguments, home, java.util.Set.of("--n"), java.util.Set.of())
                        .positive("--n", 1),
                n -> {
                    runs.incrementAndGet();
                    return new CommandLine.Report("# results", repository.resolve("results"), passed);
                });
    }
}
