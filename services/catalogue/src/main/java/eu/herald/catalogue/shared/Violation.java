package eu.herald.catalogue.shared;

/** One reason an input was refused, naming the field as the client sent it. */
public record Violation(String field, String message) {}
