/** HTTP API of sessions, with entity tags for optimistic concurrency. */
@NullMarked
package eu.herald.catalogue.session.web;

import org.jspecify.annotations.NullMarked;
