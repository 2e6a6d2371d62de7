package eu.herald.security.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Settings this deployment requires and was not given, each with the environment variable that gives it. */
public class MissingSettingsException extends IllegalStateException {

    private final List<String> properties;

    MissingSettingsException(List<String> properties) {
        super("Required settings are missing: "
                + properties.stream()
                        .map(property ->
                                "set " + RequiredSettings.environmentVariable(property) + " (" + property + ")")
                        .collect(Collectors.joining(", ")));
        this.properties = List.copyOf(properties);
    }

    /** The missing properties, in the order they are required. */
    public List<String> properties() {
        return properties;
    }

    /** The environment variables to set, one per missing property. */
    public List<String> environmentVariables() {
        return properties.stream().map(RequiredSettings::environmentVariable).toList();
    }
}
