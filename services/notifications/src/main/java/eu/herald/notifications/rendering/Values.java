package eu.herald.notifications.rendering;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Values from data (a session title, a link) made fit to be told: one line each, short, links only if they are. */
public final class Values {

    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final int MAX_VALUE_LENGTH = 300;

    private Values() {}

    /** Every run of line breaks becomes one space: fit for a header, or for one line of a text. */
    public static String singleLine(String text) {
        if (!hasBreak(text)) {
            return text.strip();
        }
        StringBuilder line = new StringBuilder(text.length());
        boolean inBreak = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBreak(c)) {
                line.append(c);
            } else if (!inBreak) {
                line.append(' ');
            }
            inBreak = isBreak(c);
        }
        return line.toString().strip();
    }

    /** Values are data: keep each on its own line and short. */
    public static String oneLine(String value) {
        String line = singleLine(value);
        return line.length() <= MAX_VALUE_LENGTH ? line : line.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    public static boolean hasBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isBreak(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static @Nullable String webUrl(@Nullable String url) {
        return url != null && WEB_URL.matcher(url).matches() ? url : null;
    }

    /**
     * CR, LF and the other C0/C1 controls, Unicode line and paragraph separators, and the character that marks the
     * per-recipient placeholders of a channel's cached rendering (the email's), which data must never forge.
     * Checked for every header of every email: a plain comparison, no regular expression.
     */
    private static boolean isBreak(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uE000';
    }
}
