package eu.herald.problems;

import java.util.List;

/** Input that is well-formed but breaks the rules; answered with 400 naming each field at fault. Nothing was stored. */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInput(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String message) {
        this("The request has invalid fields.", List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
