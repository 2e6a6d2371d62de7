package eu.herald.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a newcomer finds the trace of a change: each service's console log ({@code logs/<service>.log}) stays
 * readable, with the trace and span ids in every line of work, and the same lines go as JSON (Elastic Common Schema,
 * with the change and delivery ids) to {@code logs/<service>.json}, to search by trace, change or delivery id.
 */
final class LocalLogs {

    private LocalLogs() {}

    /** The JSON log file of a notification-path service; nothing for the others. */
    static Map<String, String> environmentOf(HeraldService service, Path logs) {
        return environmentOf(service, logs, service.name());
    }

    /** The same for one of several instances of a service, by its label: {@code logs/<label>.json}. */
    static Map<String, String> environmentOf(HeraldService service, Path logs, String label) {
        if (!LocalStackSettings.SERVICE_NAMES.contains(service.name())) {
            return Map.of();
        }
        return Map.of(
                "LOGGING_FILE_NAME", logs.resolve(label + ".json").toString(), "LOGGING_STRUCTURED_FORMAT_FILE", "ecs");
    }
}
