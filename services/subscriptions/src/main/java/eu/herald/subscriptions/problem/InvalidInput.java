package eu.herald.subscriptions.problem;

import java.util.List;

/** Input that passed the syntax checks but not the business rules; answered with 400 naming the fields. */
public class InvalidInput extends RuntimeException {

    private final List<InvalidField> errors;

    public InvalidInput(String detail, List<InvalidField> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this("The request has invalid fields.", List.of(new InvalidField(field, message)));
    }

    public List<InvalidField> errors() {
        return errors;
    }
}
