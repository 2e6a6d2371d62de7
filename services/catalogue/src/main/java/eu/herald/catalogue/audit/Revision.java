package eu.herald.catalogue.audit;

import org.jspecify.annotations.Nullable;

/**
 * The versions of one entity around a write.
 *
 * @param fromVersion absent for a creation
 * @param toVersion absent for a deletion
 */
public record Revision(
        String entityId,
        @Nullable Integer fromVersion,
        @Nullable Integer toVersion) {

    /** A write that left the version as it was changed nothing, and leaves no entry. */
    boolean changedSomething() {
        return fromVersion == null || !fromVersion.equals(toVersion);
    }
}
