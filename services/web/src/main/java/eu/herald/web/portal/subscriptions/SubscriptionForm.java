package eu.herald.web.portal.subscriptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A new subscription as the form writes it: what it follows (a theme, an event or a session, each picked from a
 * list by name), the kinds of change that notify, and the reminders before each session. The API's {@code
 * selector.value}, {@code changeKinds[i]} and {@code reminders[i]} errors land next to {@code value}, {@code
 * changeKinds} and {@code reminders}; a refusal of the whole {@code selector} (already followed) next to {@code
 * selector}.
 */
public class SubscriptionForm {

    static final List<String> KINDS = List.of("PUBLISHED", "RESCHEDULED", "RELOCATED", "UPDATED", "CANCELLED");
    static final List<String> LEADS = List.of("P7D", "PT24H", "PT1H", "PT15M");

    private String type = "THEME";
    private @Nullable String theme;
    private @Nullable String event;
    private @Nullable String session;
    private List<String> changeKinds = new ArrayList<>(KINDS);
    private List<String> reminders = new ArrayList<>();

    /** What is followed, as a whole: the type and its value. */
    public String getSelector() {
        return type + " " + getValue();
    }

    /** The slug or id of what the chosen type follows. */
    public @Nullable String getValue() {
        return switch (type) {
            case "EVENT" -> event;
            case "SESSION" -> session;
            default -> theme;
        };
    }

    /** The body of {@code POST …/subscriptions}; no kind ticked is sent as none, which the API refuses. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        String value = getValue();
        body.put("selector", Map.of("type", type, "value", value == null ? "" : value));
        body.put("changeKinds", changeKinds);
        body.put("reminders", reminders);
        return body;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public @Nullable String getTheme() {
        return theme;
    }

    public void setTheme(@Nullable String theme) {
        this.theme = theme;
    }

    public @Nullable String getEvent() {
        return event;
    }

    public void setEvent(@Nullable String event) {
        this.event = event;
    }

    public @Nullable String getSession() {
        return session;
    }

    public void setSession(@Nullable String session) {
        this.session = session;
    }

    public List<String> getChangeKinds() {
        return changeKinds;
    }

    public void setChangeKinds(@Nullable List<String> changeKinds) {
        this.changeKinds = changeKinds == null ? new ArrayList<>() : changeKinds;
    }

    public List<String> getReminders() {
        return reminders;
    }

    public void setReminders(@Nullable List<String> reminders) {
        this.reminders = reminders == null ? new ArrayList<>() : reminders;
    }
}
