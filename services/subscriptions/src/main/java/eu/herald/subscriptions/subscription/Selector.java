package eu.herald.subscriptions.subscription;

/** What a subscription follows: a theme slug, an event id or a session id. */
public record Selector(SelectorType type, String value) {

    public Selector {
        String problem = type.problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException("selector value " + problem);
        }
        value = type.normalize(value);
    }

    public static Selector theme(String slug) {
        return new Selector(SelectorType.THEME, slug);
    }

    public static Selector event(String eventId) {
        return new Selector(SelectorType.EVENT, eventId);
    }

    public static Selector session(String sessionId) {
        return new Selector(SelectorType.SESSION, sessionId);
    }
}
