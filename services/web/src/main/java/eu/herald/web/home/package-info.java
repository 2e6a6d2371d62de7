/** What every page shares: where a person lands after signing in, who they are, and how a refusal is shown. */
@NullMarked
package eu.herald.web.home;

import org.jspecify.annotations.NullMarked;
