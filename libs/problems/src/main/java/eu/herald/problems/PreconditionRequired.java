package eu.herald.problems;

/** A change came without an If-Match naming the version it is based on; answered with 428. */
public class PreconditionRequired extends RuntimeException {

    public PreconditionRequired() {
        super("Send If-Match with the ETag of the version you read, e.g. If-Match: \"3\"");
    }
}
