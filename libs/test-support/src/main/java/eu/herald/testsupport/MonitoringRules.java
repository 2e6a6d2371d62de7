package eu.herald.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the alerts, the dashboard, the metrics table of {@code docs/alerts.md} and what a service really exposes in
 * step: an alert on a metric that no service exposes never fires, and nothing says so.
 *
 * <p>A service's test scrapes its {@code /actuator/prometheus} and calls {@link #assertExposed}: every metric the
 * table says the service exposes is in the scrape, and every metric an alert or a panel queries is in the table.
 */
public final class MonitoringRules {

    private static final Path OBSERVABILITY = Path.of("k8s", "base", "observability");
    private static final Path TABLE = Path.of("docs", "alerts.md");
    private static final Pattern QUERIED = Pattern.compile("\\b(?:herald|kafka|http_server)_[a-z_]+\\b");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`[^|]+`) \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([a-z_]+)(?:\\{[^}]*})?`");

    private MonitoringRules() {}

    /** Fails unless the scrape has every metric the table gives to {@code service}, and the table every one queried. */
    public static void assertExposed(String service, String scrape) {
        Set<String> documented = documented(null);
        Set<String> undocumented = new TreeSet<>();
        for (String queried : queried()) {
            if (documented.stream().noneMatch(name -> queried.equals(name) || queried.startsWith(name + "_"))) {
                undocumented.add(queried);
            }
        }
        if (!undocumented.isEmpty()) {
            throw new AssertionError("Queried by the alerts or the dashboard, not in " + TABLE + ": " + undocumented);
        }
        Set<String> missing = new TreeSet<>();
        for (String name : documented(service)) {
            if (!Pattern.compile("(?m)^" + name + "[{ _]").matcher(scrape).find()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(service + " does not expose what " + TABLE + " says it does: " + missing);
        }
    }

    /** The metric names the alerts and the dashboard query. */
    static Set<String> queried() {
        Set<String> names = new TreeSet<>();
        for (String file : List.of("alerts.yaml", "herald-dashboard.json")) {
            Matcher matcher = QUERIED.matcher(read(OBSERVABILITY.resolve(file)));
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    /** The metric names of the table, of one service or of all ({@code null}); patterns ({@code kafka_*}) left out. */
    static Set<String> documented(@Nullable String service) {
        Set<String> names = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(read(TABLE));
        while (row.find()) {
            if (service == null || List.of(row.group(2).trim().split(",\\s*")).contains(service)) {
                Matcher name = NAME.matcher(row.group(1));
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    private static String read(Path relative) {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve(OBSERVABILITY))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException(
                    "No " + OBSERVABILITY + " above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readString(directory.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
