package eu.herald.catalogue.session;

import org.jspecify.annotations.Nullable;

/**
 * What revising a session with new details does: the session at the version it was revised from, the session
 * the revision makes of it (its version bumped only when stored), and the change, null when nothing changes.
 */
public record SessionRevision(
        Session current, Session revised, @Nullable SessionChange change) {

    /** Whether the change is told to anyone: drafts announce nothing, and nor does a revision that changes nothing. */
    public boolean announced() {
        return change != null && !revised.isDraft();
    }
}
