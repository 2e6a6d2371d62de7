package eu.herald.subscriptions.matching;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The municipalities a session change concerns, streamed from PostgreSQL.
 *
 * <p>One query: the union of the theme, event and session matches yields each municipality once
 * however many of its subscriptions overlap; the join adds its active endpoints. The rows are
 * ordered by municipality and read through a cursor ({@code fetchSize} at a time, which PostgreSQL
 * only does inside a transaction), so memory stays flat whatever the number of recipients.
 */
@Repository
class Recipients {

    private static final String AFFECTED = """
            with matched as (
                select s.municipality_id from subscription s
                 where s.status = 'ACTIVE' and s.selector_type = 'THEME'
                   and s.selector_value = any(:themes) and :kind = any(s.change_kinds)
                union
                select s.municipality_id from subscription s
                 where s.status = 'ACTIVE' and s.selector_type = 'EVENT'
                   and s.selector_value = :eventId and :kind = any(s.change_kinds)
                union
                select s.municipality_id from subscription s
                 where s.status = 'ACTIVE' and s.selector_type = 'SESSION'
                   and s.selector_value = :sessionId and :kind = any(s.change_kinds)
            )
            select m.id, m.name, m.country, m.language, m.time_zone,
                   m.delivery_mode, m.quiet_hours_from, m.quiet_hours_to,
                   e.id as endpoint_id, e.channel, e.address
              from matched
              join municipality m on m.id = matched.municipality_id and m.status = 'ACTIVE'
              join endpoint e on e.municipality_id = m.id and e.status = 'ACTIVE'
             order by m.id, e.created_at, e.id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final int fetchSize;

    Recipients(JdbcClient jdbc, PlatformTransactionManager transactionManager, SubscriptionsProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.fetchSize = properties.matcher().fetchSize();
    }

    /** Hands each affected municipality, with its endpoints, to the action, one at a time. */
    void affectedBy(SessionChange change, Consumer<AffectedMunicipality> action) {
        UUID eventId = change.eventId();
        readOnly.executeWithoutResult(transaction -> {
            var grouping = new Grouping(action);
            jdbc.sql(AFFECTED)
                    .param("themes", change.themes().toArray(String[]::new))
                    .param("kind", change.kind().name())
                    .param("eventId", eventId == null ? null : eventId.toString())
                    .param("sessionId", change.sessionId().toString())
                    .withFetchSize(fetchSize)
                    .query(grouping);
            grouping.finish();
        });
    }

    /** Gathers the consecutive rows of one municipality into one {@link AffectedMunicipality}. */
    private static final class Grouping implements RowCallbackHandler {

        private final Consumer<AffectedMunicipality> action;
        private @Nullable Recipient current;
        private final List<Destination> destinations = new ArrayList<>();

        Grouping(Consumer<AffectedMunicipality> action) {
            this.action = action;
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            UUID municipalityId = row.getObject("id", UUID.class);
            if (current == null || !current.municipalityId().equals(municipalityId)) {
                finish();
                current = recipient(row, municipalityId);
            }
            destinations.add(new Destination(
                    row.getObject("endpoint_id", UUID.class),
                    row.getString("channel"),
                    row.getString("address"),
                    null));
        }

        void finish() {
            if (current != null) {
                action.accept(new AffectedMunicipality(current, destinations));
                destinations.clear();
                current = null;
            }
        }

        private static Recipient recipient(ResultSet row, UUID municipalityId) throws SQLException {
            LocalTime quietFrom = row.getObject("quiet_hours_from", LocalTime.class);
            LocalTime quietTo = row.getObject("quiet_hours_to", LocalTime.class);
            return new Recipient(
                    municipalityId,
                    row.getString("name"),
                    row.getString("country"),
                    row.getString("language"),
                    row.getString("time_zone"),
                    new Recipient.Preferences(
                            row.getString("delivery_mode"),
                            quietFrom == null || quietTo == null
                                    ? null
                                    : new Recipient.QuietHours(quietFrom, quietTo)));
        }
    }
}
