package eu.herald.security.settings;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start when a setting named in {@code herald.required-settings} is missing or blank. A service's
 * {@code application-production.yml} names what production must be given (keys, the sender, the links' base URL),
 * so the same service still starts with random keys and local defaults without that profile. Checked on the
 * environment, before any bean: a missing key stops the service before it connects to anything.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "herald.required-settings";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        List<String> missing = binder.bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .filter(name ->
                        binder.bind(name, String.class).map(String::isBlank).orElse(true))
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    /** After the configuration files and profiles are read, so that their list and values count. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * The environment variable Spring Boot binds to a property: {@code herald.subscriptions.unsubscribe.base-url}
     * is {@code HERALD_SUBSCRIPTIONS_UNSUBSCRIBE_BASEURL} (dots to underscores, dashes dropped).
     */
    static String environmentVariable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
