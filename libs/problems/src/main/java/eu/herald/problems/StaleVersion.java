package eu.herald.problems;

/** The client changed a resource based on a version that is no longer the current one; answered with 412. */
public class StaleVersion extends RuntimeException {

    public StaleVersion(String what, Object id, int currentVersion) {
        super("The " + what + " " + id + " is at version " + currentVersion + "; read it again and retry");
    }

    /** Refuses a change based on another version than the current one. */
    public static void check(String what, Object id, int expected, int current) {
        if (expected != current) {
            throw new StaleVersion(what, id, current);
        }
    }
}
