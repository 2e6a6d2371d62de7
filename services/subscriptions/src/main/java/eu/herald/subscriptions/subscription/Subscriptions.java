package eu.herald.subscriptions.subscription;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored subscriptions, always read within one municipality. */
@Repository
public class Subscriptions {

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Subscription subscription) {
        jdbc.sql("""
                        insert into subscription (id, municipality_id, selector_type, selector_value, change_kinds,
                                                  endpoint_ids, language, reminders, status, created_at)
                        values (:id, :municipalityId, :selectorType, :selectorValue, :changeKinds,
                                :endpointIds, :language, :reminders, :status, :createdAt)
                        """)
                .param("id", subscription.id().value())
                .param("municipalityId", subscription.municipalityId().value())
                .param("selectorType", subscription.selector().type().name())
                .param("selectorValue", subscription.selector().value())
                .param("changeKinds", names(subscription.changeKinds()))
                .param("endpointIds", ids(subscription.endpointIds()))
                .param("language", subscription.language())
                .param("reminders", reminders(subscription))
                .param("status", subscription.status().name())
                .param("createdAt", Timestamp.from(subscription.createdAt()))
                .update();
    }

    /** Replaces what can change of a subscription: its change kinds, endpoints and language. */
    void change(Subscription subscription) {
        jdbc.sql("""
                        update subscription set change_kinds = :changeKinds, endpoint_ids = :endpointIds,
                                                language = :language
                         where id = :id and municipality_id = :municipalityId
                        """)
                .param("id", subscription.id().value())
                .param("municipalityId", subscription.municipalityId().value())
                .param("changeKinds", names(subscription.changeKinds()))
                .param("endpointIds", ids(subscription.endpointIds()))
                .param("language", subscription.language())
                .update();
    }

    /** Replaces the reminders of a subscription. */
    void remind(Subscription subscription) {
        jdbc.sql("update subscription set reminders = :reminders where id = :id and municipality_id = :municipalityId")
                .param("id", subscription.id().value())
                .param("municipalityId", subscription.municipalityId().value())
                .param("reminders", reminders(subscription))
                .update();
    }

    boolean remove(MunicipalityId municipality, SubscriptionId id) {
        return jdbc.sql("delete from subscription where id = :id and municipality_id = :municipalityId")
                        .param("id", id.value())
                        .param("municipalityId", municipality.value())
                        .update()
                == 1;
    }

    /** Stops the endpoint receiving what this subscription brings; true when it was not muted yet. */
    public boolean mute(SubscriptionId id, EndpointId endpoint) {
        return jdbc.sql("""
                        update subscription set muted_endpoint_ids = array_append(muted_endpoint_ids, :endpoint)
                         where id = :id and not (:endpoint = any(muted_endpoint_ids))
                        """)
                        .param("id", id.value())
                        .param("endpoint", endpoint.value())
                        .update()
                == 1;
    }

    int count(MunicipalityId municipality) {
        return jdbc.sql("select count(*) from subscription where municipality_id = :municipalityId")
                .param("municipalityId", municipality.value())
                .query(Integer.class)
                .single();
    }

    boolean follows(MunicipalityId municipality, Selector selector) {
        return jdbc.sql("""
                        select exists (select 1 from subscription
                                        where municipality_id = :municipalityId
                                          and selector_type = :selectorType and selector_value = :selectorValue)
                        """)
                .param("municipalityId", municipality.value())
                .param("selectorType", selector.type().name())
                .param("selectorValue", selector.value())
                .query(Boolean.class)
                .single();
    }

    public List<Subscription> of(MunicipalityId municipality) {
        return jdbc.sql("select * from subscription where municipality_id = :municipalityId order by created_at, id")
                .param("municipalityId", municipality.value())
                .query((row, number) -> subscription(row))
                .list();
    }

    public Optional<Subscription> find(MunicipalityId municipality, SubscriptionId id) {
        return jdbc.sql("select * from subscription where municipality_id = :municipalityId and id = :id")
                .param("municipalityId", municipality.value())
                .param("id", id.value())
                .query((row, number) -> subscription(row))
                .optional();
    }

    public Optional<Subscription> find(SubscriptionId id) {
        return jdbc.sql("select * from subscription where id = :id")
                .param("id", id.value())
                .query((row, number) -> subscription(row))
                .optional();
    }

    private static String[] names(Set<ChangeKind> kinds) {
        return kinds.stream().map(ChangeKind::name).toArray(String[]::new);
    }

    private static String[] reminders(Subscription subscription) {
        return subscription.reminders().written().toArray(String[]::new);
    }

    private static UUID @Nullable [] ids(@Nullable Set<EndpointId> endpoints) {
        return endpoints == null
                ? null
                : endpoints.stream().map(EndpointId::value).toArray(UUID[]::new);
    }

    private static @Nullable Set<EndpointId> endpointIds(ResultSet row, String column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        if (array == null) {
            return null;
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(id -> new EndpointId((UUID) id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Subscription subscription(ResultSet row) throws SQLException {
        String[] kinds = (String[]) row.getArray("change_kinds").getArray();
        String[] reminders = (String[]) row.getArray("reminders").getArray();
        Set<EndpointId> muted = endpointIds(row, "muted_endpoint_ids");
        return new Subscription(
                new SubscriptionId(row.getObject("id", UUID.class)),
                new MunicipalityId(row.getObject("municipality_id", UUID.class)),
                new Selector(SelectorType.valueOf(row.getString("selector_type")), row.getString("selector_value")),
                Arrays.stream(kinds)
                        .map(ChangeKind::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChangeKind.class))),
                endpointIds(row, "endpoint_ids"),
                muted == null ? Set.of() : muted,
                row.getString("language"),
                new Reminders(Arrays.stream(reminders).map(Duration::parse).toList()),
                SubscriptionStatus.valueOf(row.getString("status")),
                row.getTimestamp("created_at").toInstant());
    }
}
