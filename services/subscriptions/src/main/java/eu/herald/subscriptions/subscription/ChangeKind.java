package eu.herald.subscriptions.subscription;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of session change the catalogue publishes, and a subscription can choose from. */
public enum ChangeKind {
    PUBLISHED,
    RESCHEDULED,
    RELOCATED,
    UPDATED,
    CANCELLED;

    public static Set<ChangeKind> all() {
        return EnumSet.allOf(ChangeKind.class);
    }
}
