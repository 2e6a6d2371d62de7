package eu.herald.problems;

/** Something the request addresses does not exist; answered with 404. */
public class NotFound extends RuntimeException {

    public NotFound(String detail) {
        super(detail);
    }

    public NotFound(String what, Object id) {
        this("No " + what + " with id " + id);
    }
}
