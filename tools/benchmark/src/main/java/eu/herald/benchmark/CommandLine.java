package eu.herald.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A launcher's arguments: {@code --name value} pairs and bare flags, each known to the command or refused. */
final class CommandLine {

    private final Map<String, String> values;
    private final Set<String> flags;

    private CommandLine(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /** What a command reports once it has run: its results, where they were written, and whether they passed. */
    record Report(String markdown, Path folder, boolean passed) {}

    /**
     * Runs a launcher's command: its usage on {@code --help}; the reason and the usage for arguments it refuses; else
     * the run and its results.
     *
     * @param parse reads the options from the arguments and the repository, or throws IllegalArgumentException
     * @return the exit code: 0, 2 for arguments refused, 3 for results that did not pass
     */
    static <O> int launch(
            String[] args,
            Path repository,
            String usage,
            BiFunction<String[], Path, O> parse,
            Function<O, Report> run) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(usage);
            return 0;
        }
        O options;
        try {
            options = parse.apply(args, repository);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage);
            return 2;
        }
        Report report = run.apply(options);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Results in " + repository.relativize(report.folder().toAbsolutePath()) + "/");
        return report.passed() ? 0 : 3;
    }

    /** A new folder for one run's results, named by the time it started: {@code 2026-12-07T05-21-09Z}. */
    static Path runFolder(Path output, String prefix) {
        return output.resolve(prefix
                + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-'));
    }

    /**
     * @param options the names that take a value
     * @param flagNames the names that stand alone
     * @throws IllegalArgumentException for an unknown name, a value missing, or a repository that is not Herald's
     */
    static CommandLine parse(String[] args, Path repository, Set<String> options, Set<String> flagNames) {
        if (!Files.isDirectory(repository.resolve("services"))) {
            throw new IllegalArgumentException("Run this from the Herald repository, best through ./herald-benchmark");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        while (!arguments.isEmpty()) {
            String option = arguments.remove(0);
            if (flagNames.contains(option)) {
                flags.add(option);
            } else if (!options.contains(option)) {
                throw new IllegalArgumentException("Unknown option " + option);
            } else if (arguments.isEmpty()) {
                throw new IllegalArgumentException("Missing a value after " + option);
            } else {
                values.put(option, arguments.remove(0));
            }
        }
        return new CommandLine(values, flags);
    }

    String value(String option, String otherwise) {
        return values.getOrDefault(option, otherwise);
    }

    boolean has(String option) {
        return values.containsKey(option) || flags.contains(option);
    }

    int positive(String option, int otherwise) {
        String value = values.get(option);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a positive number, not " + value);
    }

    /** The services' JVM options, {@code --service-jvm "-Xms128m -Xmx1g"}. */
    List<String> serviceJvm() {
        String value = values.get("--service-jvm");
        return value == null
                ? BenchmarkOptions.SERVICE_JVM
                : List.of(value.trim().split("\\s+"));
    }

    /** Where the results go, {@code --output}, relative to the repository. */
    Path output(Path repository) {
        String value = values.get("--output");
        return value == null
                ? repository.resolve("tools").resolve("benchmark").resolve("results")
                : repository.resolve(value);
    }
}
