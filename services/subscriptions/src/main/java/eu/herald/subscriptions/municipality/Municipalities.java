package eu.herald.subscriptions.municipality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored municipalities. */
@Repository
public class Municipalities {

    private final JdbcClient jdbc;

    Municipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Municipality add(Municipality municipality) {
        @Nullable QuietHours quietHours = municipality.preferences().quietHours();
        jdbc.sql("""
                        insert into municipality (id, name, country, language, time_zone, status,
                                                  delivery_mode, quiet_hours_from, quiet_hours_to, created_at)
                        values (:id, :name, :country, :language, :timeZone, :status,
                                :deliveryMode, :quietFrom, :quietTo, :createdAt)
                        """)
                .param("id", municipality.id().value())
                .param("name", municipality.name())
                .param("country", municipality.country())
                .param("language", municipality.language())
                .param("timeZone", municipality.timeZone().getId())
                .param("status", municipality.status().name())
                .param("deliveryMode", municipality.preferences().deliveryMode().name())
                .param("quietFrom", quietHours == null ? null : quietHours.from())
                .param("quietTo", quietHours == null ? null : quietHours.to())
                .param("createdAt", Timestamp.from(municipality.createdAt()))
                .update();
        return municipality;
    }

    public Optional<Municipality> findById(MunicipalityId id) {
        return jdbc.sql("select * from municipality where id = :id")
                .param("id", id.value())
                .query((row, number) -> municipality(row))
                .optional();
    }

    /** The municipality, or {@link MunicipalityNotFound}. */
    public Municipality require(MunicipalityId id) {
        return findById(id).orElseThrow(() -> new MunicipalityNotFound(id));
    }

    public boolean exists(MunicipalityId id) {
        return jdbc.sql("select exists (select 1 from municipality where id = :id)")
                .param("id", id.value())
                .query(Boolean.class)
                .single();
    }

    private static Municipality municipality(ResultSet row) throws SQLException {
        LocalTime quietFrom = row.getObject("quiet_hours_from", LocalTime.class);
        LocalTime quietTo = row.getObject("quiet_hours_to", LocalTime.class);
        return new Municipality(
                new MunicipalityId(row.getObject("id", UUID.class)),
                row.getString("name"),
                row.getString("country"),
                row.getString("language"),
                ZoneId.of(row.getString("time_zone")),
                MunicipalityStatus.valueOf(row.getString("status")),
                new Preferences(
                        DeliveryMode.valueOf(row.getString("delivery_mode")),
                        quietFrom == null || quietTo == null ? null : new QuietHours(quietFrom, quietTo)),
                row.getTimestamp("created_at").toInstant());
    }
}
