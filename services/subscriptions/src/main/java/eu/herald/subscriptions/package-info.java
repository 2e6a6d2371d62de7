/** Herald subscriptions: the municipalities that follow public events, where and how they want to hear about changes, and the matcher that turns each session change into one notification request per affected municipality. */
@NullMarked
package eu.herald.subscriptions;

import org.jspecify.annotations.NullMarked;
