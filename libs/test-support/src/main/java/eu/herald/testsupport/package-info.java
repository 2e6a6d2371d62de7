/** Real infrastructure for tests and the local stack; nothing here is mocked. */
@NullMarked
package eu.herald.testsupport;

import org.jspecify.annotations.NullMarked;
