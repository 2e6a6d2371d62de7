package eu.herald.subscriptions.problem;

/** Something addressed by the request does not exist; answered with 404. */
public abstract class NotFound extends RuntimeException {

    protected NotFound(String message) {
        super(message);
    }
}
