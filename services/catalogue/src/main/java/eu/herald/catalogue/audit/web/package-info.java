/** Operators query the audit trail over HTTP. */
@NullMarked
package eu.herald.catalogue.audit.web;

import org.jspecify.annotations.NullMarked;
