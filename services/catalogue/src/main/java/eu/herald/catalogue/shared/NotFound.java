package eu.herald.catalogue.shared;

/** The addressed resource does not exist. */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super("No " + what + " with id " + id);
    }
}
