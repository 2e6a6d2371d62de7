package eu.herald.notifications.rendering;

/** One field a change changed, in the reader's words: its label, its value before and its value after. */
public record ChangedField(String label, String before, String after) {}
