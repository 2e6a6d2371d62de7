/** English, Polish and Portuguese: the language a person chose, or else the best match of their browser's. */
@NullMarked
package eu.herald.web.i18n;

import org.jspecify.annotations.NullMarked;
