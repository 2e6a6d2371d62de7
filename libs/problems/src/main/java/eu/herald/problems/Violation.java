package eu.herald.problems;

/** One entry of a problem's {@code errors} array: a field as the client sent it, and what is wrong with it. */
public record Violation(String field, String message) {}
