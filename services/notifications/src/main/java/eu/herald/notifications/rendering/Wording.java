package eu.herald.notifications.rendering;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/** The texts of every channel in one language (wording*.properties beside this class); English for the others. */
public final class Wording {

    // no fallback to the JVM's default locale: a language without its own file reads the English base file
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private Wording(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Wording in(Locale language) {
        return new Wording(
                ResourceBundle.getBundle(Wording.class.getPackageName() + ".wording", language, NO_DEFAULT_LOCALE));
    }

    public String text(String key, Object... arguments) {
        String text = bundle.getString(key);
        return arguments.length == 0 ? text : String.format(Locale.ROOT, text, arguments);
    }

    /**
     * The text of {@code key} in the plural form {@code count} takes in this language ({@code key.one}, {@code
     * key.few}, {@code key.many} or {@code key.other}, as CLDR names them), {@code count} its first argument.
     */
    public String plural(String key, long count, Object... arguments) {
        String text = textOrNull(key + "." + pluralForm(bundle.getLocale(), count));
        Object[] all = new Object[arguments.length + 1];
        all[0] = count;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return String.format(Locale.ROOT, text != null ? text : bundle.getString(key + ".other"), all);
    }

    /** CLDR's plural rules for whole numbers: Polish has one, few and many; English and Portuguese one and other. */
    static String pluralForm(Locale language, long count) {
        if (count == 1) {
            return "one";
        }
        if (!"pl".equals(language.getLanguage())) {
            return "other";
        }
        long tens = count % 100;
        long units = count % 10;
        return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? "few" : "many";
    }

    @Nullable
    public String textOrNull(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** What is said of a value that is not there. */
    String none() {
        return text("value.none");
    }

    String orNone(@Nullable String value) {
        return value == null || value.isBlank() ? none() : Values.oneLine(value);
    }

    String format(@Nullable String format) {
        return constant("format.", format);
    }

    String status(@Nullable String status) {
        return constant("status.", status);
    }

    /** A constant of the catalogue in words; one this service does not know yet as it came. */
    private String constant(String prefix, @Nullable String value) {
        if (value == null) {
            return none();
        }
        String text = textOrNull(prefix + value);
        return text == null ? Values.oneLine(value) : text;
    }
}
