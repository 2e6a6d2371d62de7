package eu.herald.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Checks what a service's {@code application-production.yml} requires, as an operator meets it: through environment
 * variables, on an application of the service's configuration files and no bean, since the check runs before any.
 */
public final class ProductionSettings {

    private ProductionSettings() {}

    /**
     * Fails unless, under {@code SPRING_PROFILES_ACTIVE=production}, the application refuses to start without each
     * of these variables (naming it), starts with all of them, and starts without the profile and any of them.
     *
     * @param variablesAndValues the required environment variables, each followed by a value that works
     */
    public static void assertRequired(String... variablesAndValues) {
        Map<String, String> required = new LinkedHashMap<>();
        for (int i = 0; i < variablesAndValues.length; i += 2) {
            required.put(variablesAndValues[i], variablesAndValues[i + 1]);
        }
        String refusal = refusal(Map.of("SPRING_PROFILES_ACTIVE", "production"));
        List<String> named = new ArrayList<>();
        required.keySet().forEach(variable -> {
            if (refusal.contains("set " + variable + " ")) {
                named.add(variable);
            }
        });
        if (!named.equals(new ArrayList<>(required.keySet())) || !refusal.startsWith("Required settings are missing")) {
            throw new AssertionError("expected a refusal naming " + required.keySet() + ", got: " + refusal);
        }
        for (String left : required.keySet()) {
            Map<String, String> others = new HashMap<>(required);
            others.remove(left);
            others.put("SPRING_PROFILES_ACTIVE", "production");
            String alone = refusal(others);
            if (!alone.contains("set " + left + " ")
                    || named.stream().anyMatch(other -> !other.equals(left) && alone.contains("set " + other + " "))) {
                throw new AssertionError("without " + left + " alone, expected a refusal naming it, got: " + alone);
            }
        }
        Map<String, String> all = new HashMap<>(required);
        all.put("SPRING_PROFILES_ACTIVE", "production");
        start(all).close();
        start(Map.of()).close();
    }

    private static String refusal(Map<String, String> variables) {
        try (ConfigurableApplicationContext started = start(variables)) {
            throw new AssertionError("started with only " + variables.keySet());
        } catch (IllegalStateException refused) {
            return String.valueOf(refused.getMessage());
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
        return new SpringApplicationBuilder(Nothing.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .run();
    }

    /** No bean: the settings are checked on the environment, before any. */
    static class Nothing {}
}
