package eu.herald.subscriptions.problem;

/** One entry of a problem's {@code errors} array: which field of the request, and what is wrong with it. */
public record InvalidField(String field, String message) {}
