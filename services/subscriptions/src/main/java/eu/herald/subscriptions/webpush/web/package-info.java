/** HTTP side of web push: the key browsers subscribe with (the portal's endpoints page subscribes them). */
@NullMarked
package eu.herald.subscriptions.webpush.web;

import org.jspecify.annotations.NullMarked;
