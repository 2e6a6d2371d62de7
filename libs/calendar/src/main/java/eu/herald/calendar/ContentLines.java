package eu.herald.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 5545 content lines: TEXT values escaped, lines folded at 75 octets without splitting a UTF-8 sequence, CRLF
 * line ends. Control characters and Unicode line separators in data never reach a line, so no value can start a
 * property or a component of its own.
 */
final class ContentLines {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final StringBuilder content = new StringBuilder();

    /** A property whose value is not TEXT (a date, a number, a URI): only what a line cannot hold is removed. */
    ContentLines property(String nameAndParameters, String value) {
        fold(content, nameAndParameters + ":" + withoutControls(value));
        return this;
    }

    /** A property of type TEXT. */
    ContentLines text(String nameAndParameters, String value) {
        return property(nameAndParameters, escape(value));
    }

    ContentLines append(ContentLines lines) {
        content.append(lines.content);
        return this;
    }

    @Override
    public String toString() {
        return content.toString();
    }

    /** Escapes a TEXT value (RFC 5545 section 3.3.11); a line break of any kind becomes {@code \n}. */
    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** A parameter value (RFC 5545 section 3.2): quoted, without the characters a quoted value cannot hold. */
    static String quoted(String value) {
        return "\"" + withoutControls(value).replace("\"", "") + "\"";
    }

    private static String withoutControls(String value) {
        StringBuilder kept = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && kept == null) {
                kept = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!control && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? value : kept.toString();
    }

    static String local(LocalDateTime time) {
        return LOCAL.format(time);
    }

    static String utc(Instant time) {
        return UTC.format(time);
    }

    /** {@code +0200}, or {@code +053730} for the odd historical offset with seconds. */
    static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int absolute = Math.abs(seconds);
        String hhmm =
                String.format(Locale.ROOT, "%s%02d%02d", seconds < 0 ? "-" : "+", absolute / 3600, absolute / 60 % 60);
        return absolute % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", absolute % 60);
    }

    /** RFC 5545 section 3.1: at most 75 octets per line; a continuation line starts with a space. */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 8);
        fold(folded, line);
        return folded.toString();
    }

    private static void fold(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
