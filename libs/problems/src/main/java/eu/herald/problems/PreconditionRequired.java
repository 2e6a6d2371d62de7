package eu.herald.problems;

/** A change came without an If-Match naming the version it is based on; answered with 428. */
public class PreconditionRequired extends RuntimeException {

    /** Names the current version, which a client that has not read it yet should read before changing it. */
    public PreconditionRequired(int currentVersion) {
        super("Send If-Match with the ETag of the version you read; the current one is If-Match: \"" + currentVersion
                + "\"");
    }
}
