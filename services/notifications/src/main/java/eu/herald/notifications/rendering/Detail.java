package eu.herald.notifications.rendering;

/** A labelled value told beside the time and place: a join or registration link, the reason of a cancellation. */
public record Detail(String label, String value, boolean link) {}
