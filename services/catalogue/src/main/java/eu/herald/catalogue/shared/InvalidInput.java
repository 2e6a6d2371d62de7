package eu.herald.catalogue.shared;

import java.util.List;

/** The input breaks one or more rules; nothing was stored. */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInput(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
