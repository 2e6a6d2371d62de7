/** Sessions: publishing and revising them, and telling what changed. */
@NullMarked
package eu.herald.catalogue.session;

import org.jspecify.annotations.NullMarked;
