package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.municipality.MunicipalityId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored endpoints, always read within one municipality. */
@Repository
public class Endpoints {

    private final JdbcClient jdbc;

    Endpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Endpoint endpoint) {
        jdbc.sql("""
                        insert into endpoint (id, municipality_id, channel, address, status, status_reason,
                                              push_p256dh, push_auth, secret_version, created_at)
                        values (:id, :municipalityId, :channel, :address, :status, :statusReason,
                                :p256dh, :auth, :secretVersion, :createdAt)
                        """)
                .param("id", endpoint.id().value())
                .param("municipalityId", endpoint.municipalityId().value())
                .param("channel", endpoint.channel().name())
                .param("address", endpoint.address())
                .param("status", endpoint.status().name())
                .param("statusReason", endpoint.statusReason())
                .param("p256dh", endpoint.pushP256dh())
                .param("auth", endpoint.pushAuth())
                .param("secretVersion", endpoint.secretVersion())
                .param("createdAt", Timestamp.from(endpoint.createdAt()))
                .update();
    }

    boolean hasAddress(MunicipalityId municipality, Channel channel, String address) {
        return jdbc.sql("""
                        select exists (select 1 from endpoint
                                        where municipality_id = :municipalityId and channel = :channel
                                          and lower(address) = lower(:address))
                        """)
                .param("municipalityId", municipality.value())
                .param("channel", channel.name())
                .param("address", address)
                .query(Boolean.class)
                .single();
    }

    int count(MunicipalityId municipality) {
        return jdbc.sql("select count(*) from endpoint where municipality_id = :municipalityId")
                .param("municipalityId", municipality.value())
                .query(Integer.class)
                .single();
    }

    /** Activates a pending endpoint; true when it was pending. */
    boolean activate(EndpointId id, Instant at) {
        return jdbc.sql("""
                        update endpoint set status = 'ACTIVE', status_reason = null, verified_at = :at
                         where id = :id and status = 'PENDING_VERIFICATION'
                        """)
                        .param("id", id.value())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Disables an endpoint with the reason; true when it was not disabled already. */
    public boolean disable(EndpointId id, String reason) {
        return jdbc.sql("""
                        update endpoint set status = 'DISABLED', status_reason = :reason
                         where id = :id and status <> 'DISABLED'
                        """)
                        .param("id", id.value())
                        .param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                        .update()
                == 1;
    }

    /** The next rotation of a webhook's secret; when it happened starts the previous secret's grace period. */
    int rotateSecret(EndpointId id, Instant at) {
        return jdbc.sql("""
                        update endpoint set secret_version = secret_version + 1, secret_rotated_at = :at
                         where id = :id and channel = 'WEBHOOK' returning secret_version
                        """)
                .param("id", id.value())
                .param("at", Timestamp.from(at))
                .query(Integer.class)
                .single();
    }

    /** When the webhook's secret was last rotated; empty before the first rotation. */
    public Optional<Instant> secretRotatedAt(EndpointId id) {
        return jdbc.sql("select secret_rotated_at from endpoint where id = :id and secret_rotated_at is not null")
                .param("id", id.value())
                .query((row, number) -> row.getTimestamp(1).toInstant())
                .optional();
    }

    public List<Endpoint> of(MunicipalityId municipality) {
        return jdbc.sql("select * from endpoint where municipality_id = :municipalityId order by created_at, id")
                .param("municipalityId", municipality.value())
                .query((row, number) -> endpoint(row))
                .list();
    }

    public Optional<Endpoint> find(MunicipalityId municipality, EndpointId id) {
        return jdbc.sql("select * from endpoint where municipality_id = :municipalityId and id = :id")
                .param("municipalityId", municipality.value())
                .param("id", id.value())
                .query((row, number) -> endpoint(row))
                .optional();
    }

    public Optional<Endpoint> find(EndpointId id) {
        return jdbc.sql("select * from endpoint where id = :id")
                .param("id", id.value())
                .query((row, number) -> endpoint(row))
                .optional();
    }

    private static Endpoint endpoint(ResultSet row) throws SQLException {
        Timestamp verified = row.getTimestamp("verified_at");
        return new Endpoint(
                new EndpointId(row.getObject("id", UUID.class)),
                new MunicipalityId(row.getObject("municipality_id", UUID.class)),
                Channel.valueOf(row.getString("channel")),
                row.getString("address"),
                EndpointStatus.valueOf(row.getString("status")),
                row.getString("status_reason"),
                row.getString("push_p256dh"),
                row.getString("push_auth"),
                row.getObject("secret_version", Integer.class),
                verified == null ? null : verified.toInstant(),
                row.getTimestamp("created_at").toInstant());
    }
}
