package eu.herald.subscriptions.municipality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
                        insert into municipality (id, name, country, lau_code, nuts_code, language, time_zone, status,
                                                  delivery_mode, quiet_hours_from, quiet_hours_to, digest_time,
                                                  created_at)
                        values (:id, :name, :country, :lauCode, :nutsCode, :language, :timeZone, :status,
                                :deliveryMode, :quietFrom, :quietTo, :digestTime, :createdAt)
                        """)
                .param("lauCode", municipality.lauCode())
                .param("nutsCode", municipality.nutsCode())
                .param("id", municipality.id().value())
                .param("name", municipality.name())
                .param("country", municipality.country())
                .param("language", municipality.language())
                .param("timeZone", municipality.timeZone().getId())
                .param("status", municipality.status().name())
                .param("deliveryMode", municipality.preferences().deliveryMode().name())
                .param("quietFrom", quietHours == null ? null : quietHours.from())
                .param("quietTo", quietHours == null ? null : quietHours.to())
                .param("digestTime", municipality.preferences().digestTime())
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

    /** Every municipality, by name. */
    public List<Municipality> all() {
        return jdbc.sql("select * from municipality order by name, id")
                .query((row, number) -> municipality(row))
                .list();
    }

    /** The municipality, or {@link MunicipalityNotFound}. */
    public Municipality require(MunicipalityId id) {
        return findById(id).orElseThrow(() -> new MunicipalityNotFound(id));
    }

    /**
     * Locks the municipality for the rest of the transaction, so that limits on its endpoints and
     * subscriptions hold under concurrent requests; {@link MunicipalityNotFound} when there is none.
     */
    public void lock(MunicipalityId id) {
        jdbc.sql("select id from municipality where id = :id for update")
                .param("id", id.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new MunicipalityNotFound(id));
    }

    /** Replaces the preferences; {@link MunicipalityNotFound} when there is no such municipality. */
    public Municipality changePreferences(MunicipalityId id, Preferences preferences) {
        @Nullable QuietHours quietHours = preferences.quietHours();
        int changed = jdbc.sql("""
                        update municipality set delivery_mode = :deliveryMode,
                                                quiet_hours_from = :quietFrom, quiet_hours_to = :quietTo,
                                                digest_time = :digestTime
                         where id = :id
                        """)
                .param("id", id.value())
                .param("deliveryMode", preferences.deliveryMode().name())
                .param("quietFrom", quietHours == null ? null : quietHours.from())
                .param("quietTo", quietHours == null ? null : quietHours.to())
                .param("digestTime", preferences.digestTime())
                .update();
        if (changed == 0) {
            throw new MunicipalityNotFound(id);
        }
        return require(id);
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
                row.getString("lau_code"),
                row.getString("nuts_code"),
                row.getString("language"),
                ZoneId.of(row.getString("time_zone")),
                MunicipalityStatus.valueOf(row.getString("status")),
                new Preferences(
                        DeliveryMode.valueOf(row.getString("delivery_mode")),
                        quietFrom == null || quietTo == null ? null : new QuietHours(quietFrom, quietTo),
                        row.getObject("digest_time", LocalTime.class)),
                row.getTimestamp("created_at").toInstant());
    }
}
