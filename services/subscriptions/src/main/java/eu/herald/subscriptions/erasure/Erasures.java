package eu.herald.subscriptions.erasure;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.endpoint.EndpointNotFound;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erases a municipality or one endpoint: every row that names it (the municipality, its endpoints, its
 * subscriptions and their preferences, its delivery history) is deleted, and the erasure is written to the
 * outbox in the same transaction, so that the other services hear of exactly the erasures that happened.
 * The statements reach into the tables of the endpoint, subscription and history features on purpose: one
 * place has to know every table that holds a tenant's data, and one transaction has to cover them all.
 */
@Service
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final JsonMapper json;
    private final Clock clock;

    Erasures(JdbcClient jdbc, Municipalities municipalities, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Erased eraseMunicipality(MunicipalityId municipality) {
        municipalities.lock(municipality);
        List<UUID> endpoints = jdbc.sql(
                        "select id from endpoint where municipality_id = :municipality order by created_at, id")
                .param("municipality", municipality.value())
                .query(UUID.class)
                .list();
        for (String table : List.of("delivery", "subscription", "endpoint")) {
            jdbc.sql("delete from " + table + " where municipality_id = :municipality")
                    .param("municipality", municipality.value())
                    .update();
        }
        jdbc.sql("delete from municipality where id = :municipality")
                .param("municipality", municipality.value())
                .update();
        return announce("MUNICIPALITY", municipality, endpoints);
    }

    /**
     * Erases one endpoint and its delivery history. Subscriptions that named it no longer do; one that named
     * only this endpoint then reaches none (it is not widened to every endpoint).
     */
    @Transactional
    public Erased eraseEndpoint(MunicipalityId municipality, EndpointId endpoint) {
        municipalities.lock(municipality);
        int deleted = jdbc.sql("delete from endpoint where id = :endpoint and municipality_id = :municipality")
                .param("endpoint", endpoint.value())
                .param("municipality", municipality.value())
                .update();
        if (deleted == 0) {
            throw new EndpointNotFound(municipality, endpoint);
        }
        jdbc.sql("delete from delivery where endpoint_id = :endpoint and municipality_id = :municipality")
                .param("endpoint", endpoint.value())
                .param("municipality", municipality.value())
                .update();
        jdbc.sql("""
                        update subscription
                           set endpoint_ids = array_remove(endpoint_ids, :endpoint),
                               muted_endpoint_ids = array_remove(muted_endpoint_ids, :endpoint)
                         where municipality_id = :municipality
                           and (:endpoint = any(endpoint_ids) or :endpoint = any(muted_endpoint_ids))
                        """)
                .param("endpoint", endpoint.value())
                .param("municipality", municipality.value())
                .update();
        return announce("ENDPOINT", municipality, List.of(endpoint.value()));
    }

    private Erased announce(String scope, MunicipalityId municipality, List<UUID> endpoints) {
        Erased erased = new Erased(
                UUID.randomUUID(),
                scope,
                municipality.value(),
                endpoints,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        jdbc.sql("""
                        insert into erasure_outbox (erasure_id, municipality_id, type, payload, created_at)
                        values (:id, :municipality, :type, :payload, :createdAt)
                        """)
                .param("id", erased.erasureId())
                .param("municipality", erased.municipalityId())
                .param("type", erased.type())
                .param("payload", json.writeValueAsString(erased))
                .param("createdAt", Timestamp.from(erased.erasedAt()))
                .update();
        log.info(
                "Erased {} of municipality {} ({} endpoints), erasure {}",
                scope.toLowerCase(java.util.Locale.ROOT),
                municipality.value(),
                endpoints.size(),
                erased.erasureId());
        return erased;
    }
}
