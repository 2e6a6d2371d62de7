package eu.herald.subscriptions.matching;

import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.unsubscribe.UnsubscribeLinks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
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

    /**
     * Every active subscription the change matches (most specific first: session, event, theme),
     * then each reachable endpoint once with the most specific subscription that reaches it (for its
     * unsubscribe link), then the language override of the most specific subscription that has one, and the
     * reminders of every matched subscription, each lead time once.
     */
    private static final String AFFECTED = """
            with matched as (
                select s.id as subscription_id, s.municipality_id, s.endpoint_ids, s.muted_endpoint_ids,
                       s.language, s.reminders, 3 as specificity
                  from subscription s
                 where s.status = 'ACTIVE' and s.selector_type = 'SESSION'
                   and s.selector_value = :sessionId and :kind = any(s.change_kinds)
                union all
                select s.id, s.municipality_id, s.endpoint_ids, s.muted_endpoint_ids, s.language, s.reminders, 2
                  from subscription s
                 where s.status = 'ACTIVE' and s.selector_type = 'EVENT'
                   and s.selector_value = :eventId and :kind = any(s.change_kinds)
                union all
                select s.id, s.municipality_id, s.endpoint_ids, s.muted_endpoint_ids, s.language, s.reminders, 1
                  from subscription s
                 where s.status = 'ACTIVE' and s.selector_type = 'THEME'
                   and s.selector_value = any(:themes) and :kind = any(s.change_kinds)
            ),
            reaching as (
                select distinct on (matched.municipality_id, e.id)
                       matched.municipality_id, matched.subscription_id, e.id as endpoint_id, e.channel, e.address,
                       e.push_p256dh, e.push_auth, e.secret_version, e.secret_rotated_at,
                       e.created_at as endpoint_created_at
                  from matched
                  join endpoint e on e.municipality_id = matched.municipality_id and e.status = 'ACTIVE'
                   and (matched.endpoint_ids is null or e.id = any(matched.endpoint_ids))
                   and not (e.id = any(matched.muted_endpoint_ids))
                 order by matched.municipality_id, e.id, matched.specificity desc, matched.subscription_id
            ),
            overrides as (
                select distinct on (municipality_id) municipality_id, language
                  from matched
                 where language is not null
                 order by municipality_id, specificity desc, subscription_id
            ),
            leads as (
                select matched.municipality_id, array_agg(distinct lead) as reminders
                  from matched cross join unnest(matched.reminders) as reminder(lead)
                 group by matched.municipality_id
            )
            select m.id, m.name, m.country, coalesce(o.language, m.language) as language, m.time_zone,
                   m.delivery_mode, m.quiet_hours_from, m.quiet_hours_to,
                   to_char(m.digest_time, 'HH24:MI') as digest_time, l.reminders,
                   r.subscription_id, r.endpoint_id, r.channel, r.address, r.push_p256dh, r.push_auth,
                   r.secret_version, r.secret_rotated_at
              from reaching r
              join municipality m on m.id = r.municipality_id and m.status = 'ACTIVE'
              left join overrides o on o.municipality_id = m.id
              left join leads l on l.municipality_id = m.id
             order by m.id, r.endpoint_created_at, r.endpoint_id
            """;

    private final JdbcClient jdbc;
    private final UnsubscribeLinks links;
    private final TransactionTemplate readOnly;
    private final int fetchSize;
    private final Duration rotationGrace;
    private final Clock clock;

    /** On the system clock, for tests and tools that build the matcher by hand. */
    Recipients(
            JdbcClient jdbc,
            UnsubscribeLinks links,
            PlatformTransactionManager transactionManager,
            SubscriptionsProperties properties) {
        this(jdbc, links, transactionManager, properties, Clock.systemUTC());
    }

    @Autowired
    Recipients(
            JdbcClient jdbc,
            UnsubscribeLinks links,
            PlatformTransactionManager transactionManager,
            SubscriptionsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.fetchSize = properties.matcher().fetchSize();
        this.rotationGrace = properties.webhooks().rotationGrace();
        this.clock = clock;
    }

    /** Hands each municipality the change affects, with its endpoints, to the action, one at a time. */
    void affectedBy(SessionChange change, Consumer<AffectedMunicipality> action) {
        affectedBy(change.criteria(), action);
    }

    /**
     * Hands each municipality a change matching the criteria affects, with its endpoints, to the action, one at
     * a time; reads only.
     */
    void affectedBy(ChangeCriteria criteria, Consumer<AffectedMunicipality> action) {
        UUID eventId = criteria.eventId();
        readOnly.executeWithoutResult(transaction -> {
            var grouping = new Grouping(action, links, rotationGrace, clock.instant());
            jdbc.sql(AFFECTED)
                    .param("themes", criteria.themes().toArray(String[]::new))
                    .param("kind", criteria.kind().name())
                    .param("eventId", eventId == null ? null : eventId.toString())
                    .param("sessionId", criteria.sessionId().toString())
                    .withFetchSize(fetchSize)
                    .query(grouping);
            grouping.finish();
        });
    }

    /** Gathers the consecutive rows of one municipality into one {@link AffectedMunicipality}. */
    private static final class Grouping implements RowCallbackHandler {

        private final Consumer<AffectedMunicipality> action;
        private final UnsubscribeLinks links;
        private @Nullable Recipient current;
        private List<String> reminders = List.of();
        private final List<Destination> destinations = new ArrayList<>();

        private final Duration rotationGrace;
        private final Instant now;

        Grouping(Consumer<AffectedMunicipality> action, UnsubscribeLinks links, Duration rotationGrace, Instant now) {
            this.action = action;
            this.links = links;
            this.rotationGrace = rotationGrace;
            this.now = now;
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            UUID municipalityId = row.getObject("id", UUID.class);
            if (current == null || !current.municipalityId().equals(municipalityId)) {
                finish();
                current = recipient(row, municipalityId);
                reminders = reminders(row);
            }
            destinations.add(destination(row));
        }

        void finish() {
            if (current != null) {
                action.accept(new AffectedMunicipality(current, destinations, reminders));
                destinations.clear();
                current = null;
            }
        }

        /** The stored lead times are normalised ISO-8601 durations, so distinct strings are distinct durations. */
        private static List<String> reminders(ResultSet row) throws SQLException {
            java.sql.Array leads = row.getArray("reminders");
            if (leads == null) {
                return List.of();
            }
            return Arrays.stream((String[]) leads.getArray())
                    .map(Duration::parse)
                    .sorted(Comparator.reverseOrder())
                    .map(Duration::toString)
                    .toList();
        }

        private Destination destination(ResultSet row) throws SQLException {
            UUID endpoint = row.getObject("endpoint_id", UUID.class);
            String channel = row.getString("channel");
            String address = row.getString("address");
            String unsubscribe = links.unsubscribeUrl(endpoint, row.getObject("subscription_id", UUID.class));
            return switch (channel) {
                case "WEB_PUSH" ->
                    new Destination(
                            endpoint,
                            channel,
                            null,
                            new Destination.WebPush(address, row.getString("push_p256dh"), row.getString("push_auth")),
                            null,
                            unsubscribe);
                case "WEBHOOK" ->
                    new Destination(
                            endpoint,
                            channel,
                            null,
                            null,
                            new Destination.Webhook(address, row.getInt("secret_version"), previousSecretUntil(row)),
                            unsubscribe);
                default -> Destination.email(endpoint, address, unsubscribe);
            };
        }

        /** The end of the grace period of the last rotation, while it lasts. */
        private @Nullable Instant previousSecretUntil(ResultSet row) throws SQLException {
            Timestamp rotated = row.getTimestamp("secret_rotated_at");
            if (rotated == null) {
                return null;
            }
            Instant until = rotated.toInstant().plus(rotationGrace);
            return until.isAfter(now) ? until : null;
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
                            quietFrom == null || quietTo == null ? null : new Recipient.QuietHours(quietFrom, quietTo),
                            row.getString("digest_time")));
        }
    }
}
