package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.municipality.MunicipalityId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
                        insert into endpoint (id, municipality_id, channel, address, status, status_reason, created_at)
                        values (:id, :municipalityId, :channel, :address, :status, :statusReason, :createdAt)
                        """)
                .param("id", endpoint.id().value())
                .param("municipalityId", endpoint.municipalityId().value())
                .param("channel", endpoint.channel().name())
                .param("address", endpoint.address())
                .param("status", endpoint.status().name())
                .param("statusReason", endpoint.statusReason())
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

    private static Endpoint endpoint(ResultSet row) throws SQLException {
        return new Endpoint(
                new EndpointId(row.getObject("id", UUID.class)),
                new MunicipalityId(row.getObject("municipality_id", UUID.class)),
                Channel.valueOf(row.getString("channel")),
                row.getString("address"),
                EndpointStatus.valueOf(row.getString("status")),
                row.getString("status_reason"),
                row.getTimestamp("created_at").toInstant());
    }
}
