package eu.herald.notifications.delivery;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own records of a request as JSON in the delivery log: what a retry or a replay renders from. Its
 * own mapper, so that what was stored reads back whatever the application's JSON settings become.
 */
final class StoredRequests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String write(NotificationRequest request) {
        return JSON.writeValueAsString(request);
    }

    NotificationRequest read(String json) {
        return JSON.readValue(json, NotificationRequest.class);
    }
}
