/** Events: the programmes (e.g. a European Week of Regions and Cities edition) that group sessions. */
@NullMarked
package eu.herald.catalogue.event;

import org.jspecify.annotations.NullMarked;
