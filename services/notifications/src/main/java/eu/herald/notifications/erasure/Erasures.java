package eu.herald.notifications.erasure;

import eu.herald.notifications.delivery.ErasedRecipients;
import eu.herald.notifications.delivery.StoredRequests;
import eu.herald.notifications.erasure.Erasure.Scope;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an erasure to the delivery log in one transaction (ADR 16): the deliveries of the municipality (or of the
 * one endpoint) keep their ids, channel, status, attempts and times, so the statistics survive, but lose their
 * address and every reason (an SMTP answer or a receiver's error can quote the address or the URL); the stored
 * requests, which hold the recipient's name, addresses, push subscriptions and webhook URLs, are deleted (or, for one
 * endpoint, rewritten without it). Deliveries not finished yet become FAILED without being sent and without an
 * outcome: subscriptions has already deleted the municipality's history, an outcome would only bring some of it
 * back. Applying the same erasure again changes nothing.
 */
@Service
public class Erasures implements ErasedRecipients {

    /** The reason of a delivery an erasure stopped before it was sent. */
    public static final String UNSENT = "erased before it was sent";
    /** Any other reason of an erased delivery. */
    public static final String SCRUBBED = "(erased)";

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final JdbcClient jdbc;
    private final StoredRequests stored = new StoredRequests();

    Erasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many deliveries were anonymised */
    @Transactional
    public int apply(Erasure erasure, Instant now) {
        UUID municipality = erasure.municipalityId().value();
        List<UUID> endpoints =
                erasure.endpointIds().stream().map(EndpointId::value).toList();
        boolean whole = erasure.scope() == Scope.MUNICIPALITY;
        // with an empty list "in ()" would not parse; the municipality's scope ignores the list anyway
        List<UUID> endpointParameter = endpoints.isEmpty() ? List.of(municipality) : endpoints;
        String erased = whole
                ? "d.municipality_id = :municipality"
                : "d.municipality_id = :municipality and d.endpoint_id in (:endpoints)";

        if (whole) {
            jdbc.sql("delete from notification_request where request_id in (select d.request_id from delivery d where "
                            + erased + ")")
                    .param("municipality", municipality)
                    .update();
        } else {
            withoutEndpoints(Set.copyOf(endpoints), municipality, endpointParameter, now);
        }
        jdbc.sql("update delivery_outcome o set reason = :scrubbed from delivery d"
                        + " where o.delivery_id = d.delivery_id and o.reason is not null and o.reason <> :scrubbed and "
                        + erased)
                .param("scrubbed", SCRUBBED)
                .param("municipality", municipality)
                .param("endpoints", endpointParameter)
                .update();
        int deliveries = jdbc.sql("""
                        update delivery d
                           set address = null,
                               reason = case when d.status in ('PENDING', 'RETRYING', 'SCHEDULED') then :unsent
                                             when d.reason is null or d.reason in (:unsent, :scrubbed) then d.reason
                                             else :scrubbed end,
                               status = case when d.status in ('PENDING', 'RETRYING', 'SCHEDULED') then 'FAILED' else d.status end,
                               next_attempt_at = case when d.status in ('PENDING', 'RETRYING', 'SCHEDULED') then null
                                                      else d.next_attempt_at end,
                               updated_at = case when d.status in ('PENDING', 'RETRYING', 'SCHEDULED') then :now else d.updated_at end
                         where %s
                        """.formatted(erased))
                .param("unsent", UNSENT)
                .param("scrubbed", SCRUBBED)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("municipality", municipality)
                .param("endpoints", endpointParameter)
                .update();
        jdbc.sql("""
                        insert into erasure (erasure_id, scope, municipality_id, endpoint_ids, erased_at, applied_at,
                                             deliveries)
                        values (:id, :scope, :municipality, :endpoints, :erasedAt, :now, :deliveries)
                        on conflict (erasure_id) do nothing
                        """)
                .param("id", erasure.erasureId())
                .param("scope", erasure.scope().name())
                .param("municipality", municipality)
                .param("endpoints", endpoints.toArray(UUID[]::new))
                .param("erasedAt", erasure.erasedAt().atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("deliveries", deliveries)
                .update();
        log.info(
                "erasure {} ({} of municipality {}) applied to {} deliveries",
                erasure.erasureId(),
                erasure.scope(),
                municipality,
                deliveries);
        return deliveries;
    }

    @Override
    @Transactional(readOnly = true)
    public List<NotificationRequest> withoutErased(List<NotificationRequest> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Set<UUID> municipalities = new HashSet<>();
        Set<UUID> endpoints = new HashSet<>();
        jdbc.sql("select scope, municipality_id, endpoint_ids from erasure where municipality_id in (:ids)")
                .param(
                        "ids",
                        requests.stream()
                                .map(request ->
                                        request.recipient().municipalityId().value())
                                .distinct()
                                .toList())
                .query(rs -> {
                    if (Scope.valueOf(rs.getString("scope")) == Scope.MUNICIPALITY) {
                        municipalities.add(rs.getObject("municipality_id", UUID.class));
                    } else {
                        for (Object endpoint :
                                (Object[]) rs.getArray("endpoint_ids").getArray()) {
                            endpoints.add((UUID) endpoint);
                        }
                    }
                });
        if (municipalities.isEmpty() && endpoints.isEmpty()) {
            return requests;
        }
        List<NotificationRequest> kept = new ArrayList<>(requests.size());
        for (NotificationRequest request : requests) {
            List<Endpoint> remaining = request.endpoints().stream()
                    .filter(endpoint -> !endpoints.contains(endpoint.id().value()))
                    .toList();
            if (municipalities.contains(request.recipient().municipalityId().value()) || remaining.isEmpty()) {
                log.info("request {} is for what was erased; nothing of it is recorded or sent", request.id());
            } else if (remaining.size() < request.endpoints().size()) {
                kept.add(new NotificationRequest(request.id(), request.change(), request.recipient(), remaining)
                        .traced(request.traceparent()));
            } else {
                kept.add(request);
            }
        }
        return kept;
    }

    /** Rewrites each stored request that lists an erased endpoint without it; one left with none is deleted. */
    private void withoutEndpoints(Set<UUID> erased, UUID municipality, List<UUID> endpointParameter, Instant now) {
        List<StoredRow> rows = jdbc.sql(StoredRequests.SELECT + """
                         where r.request_id in (select d.request_id from delivery d
                                                 where d.municipality_id = :municipality and d.endpoint_id in (:endpoints))
                           for update of r
                        """)
                .param("municipality", municipality)
                .param("endpoints", endpointParameter)
                .query((rs, row) -> new StoredRow(
                        rs.getObject("request_id", UUID.class), rs.getString("payload"), rs.getString("change")))
                .list();
        for (StoredRow row : rows) {
            NotificationRequest request = stored.read(row.payload(), row.change());
            List<Endpoint> kept = request.endpoints().stream()
                    .filter(endpoint -> !erased.contains(endpoint.id().value()))
                    .collect(Collectors.toList());
            if (kept.isEmpty()) {
                jdbc.sql("delete from notification_request where request_id = :id")
                        .param("id", row.requestId())
                        .update();
            } else if (kept.size() < request.endpoints().size()) {
                if (row.change() == null) {
                    // stored with its change before V5, it is written back without it: the change needs its own row
                    stored.storeChange(jdbc, request.change(), now);
                }
                jdbc.sql("update notification_request set payload = cast(:payload as jsonb) where request_id = :id")
                        .param(
                                "payload",
                                stored.write(new NotificationRequest(
                                        request.id(), request.change(), request.recipient(), kept)))
                        .param("id", row.requestId())
                        .update();
            }
        }
    }

    private record StoredRow(
            UUID requestId, String payload, @Nullable String change) {}
}
