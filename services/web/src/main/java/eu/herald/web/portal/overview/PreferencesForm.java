package eu.herald.web.portal.overview;

import eu.herald.web.portal.Municipality;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The preferences as the form edits them: both quiet-hours times blank for none, a blank digest time for 08:00.
 * Property names are the last part of the API's field names, so that its errors land next to them.
 */
public class PreferencesForm {

    private String deliveryMode = "IMMEDIATE";
    private @Nullable String from;
    private @Nullable String to;
    private @Nullable String digestTime;

    static PreferencesForm of(Municipality.Preferences preferences) {
        PreferencesForm form = new PreferencesForm();
        form.deliveryMode = preferences.deliveryMode();
        if (preferences.quietHours() != null) {
            form.from = preferences.quietHours().from();
            form.to = preferences.quietHours().to();
        }
        form.digestTime = preferences.digestTime();
        return form;
    }

    /** Quiet hours that start when they end would be none at all, or all day: the service refuses them. */
    boolean quietHoursEmpty() {
        return !blank(from) && text(from).equals(text(to));
    }

    /** The body of {@code PUT …/preferences}. */
    Map<String, @Nullable Object> body() {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("deliveryMode", deliveryMode);
        body.put("quietHours", blank(from) && blank(to) ? null : Map.of("from", text(from), "to", text(to)));
        body.put("digestTime", blank(digestTime) ? null : digestTime);
        return body;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text.strip();
    }

    public String getDeliveryMode() {
        return deliveryMode;
    }

    public void setDeliveryMode(String deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    public @Nullable String getFrom() {
        return from;
    }

    public void setFrom(@Nullable String from) {
        this.from = from;
    }

    public @Nullable String getTo() {
        return to;
    }

    public void setTo(@Nullable String to) {
        this.to = to;
    }

    public @Nullable String getDigestTime() {
        return digestTime;
    }

    public void setDigestTime(@Nullable String digestTime) {
        this.digestTime = digestTime;
    }
}
