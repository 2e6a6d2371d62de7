package eu.herald.subscriptions.problem;

/** The request contradicts what is already stored; answered with 409 naming the field. */
public abstract class Conflict extends RuntimeException {

    private final String field;

    protected Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
