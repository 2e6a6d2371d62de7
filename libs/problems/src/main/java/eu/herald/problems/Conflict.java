package eu.herald.problems;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The request is understood but contradicts what is stored; answered with 409, naming the field when one is to blame. */
public class Conflict extends RuntimeException {

    private final @Nullable String field;

    public Conflict(String detail) {
        super(detail);
        this.field = null;
    }

    public Conflict(String field, String detail) {
        super(detail);
        this.field = field;
    }

    List<Violation> violations() {
        return field == null ? List.of() : List.of(new Violation(field, String.valueOf(getMessage())));
    }
}
