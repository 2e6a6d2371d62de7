package eu.herald.notifications.delivery;

import eu.herald.notifications.request.NotificationRequest;
import java.util.List;

/**
 * What was erased (GDPR, ADR 16) before a request arrived: a request the matcher emitted before subscriptions erased
 * the data can arrive after the erasure, and must record and send nothing of what was erased. The erasure module
 * keeps the erasures and implements this, so that deliveries need not know how erasures are recorded.
 */
public interface ErasedRecipients {

    /**
     * The requests as they may still be delivered: without the endpoints erased before they arrived, and without
     * the requests of an erased municipality or with no endpoint left.
     */
    List<NotificationRequest> withoutErased(List<NotificationRequest> requests);
}
