package eu.herald.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A launcher's arguments: {@code --name value} pairs and bare flags, each known to the command or refused. */
final class CommandLine {

    private final Map<String, String> values;
    private final Set<String> flags;

    private CommandLine(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
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
