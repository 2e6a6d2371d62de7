package eu.herald.notifications.email;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/** The texts of an email in one language (wording*.properties beside this class); English for the others. */
final class Wording {

    // no fallback to the JVM's default locale: a language without its own file reads the English base file
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private Wording(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static Wording in(Locale language) {
        return new Wording(
                ResourceBundle.getBundle(Wording.class.getPackageName() + ".wording", language, NO_DEFAULT_LOCALE));
    }

    String text(String key, Object... arguments) {
        String text = bundle.getString(key);
        return arguments.length == 0 ? text : String.format(Locale.ROOT, text, arguments);
    }

    @Nullable
    String textOrNull(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
