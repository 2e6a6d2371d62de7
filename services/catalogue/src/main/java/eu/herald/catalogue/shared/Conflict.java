package eu.herald.catalogue.shared;

/** The request is understood but the resource's state does not allow it (answered with 409). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
