package eu.herald.subscriptions.subscription;

import eu.herald.subscriptions.municipality.MunicipalityId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
                                                  status, created_at)
                        values (:id, :municipalityId, :selectorType, :selectorValue, :changeKinds, :status, :createdAt)
                        """)
                .param("id", subscription.id().value())
                .param("municipalityId", subscription.municipalityId().value())
                .param("selectorType", subscription.selector().type().name())
                .param("selectorValue", subscription.selector().value())
                .param("changeKinds", names(subscription.changeKinds()))
                .param("status", subscription.status().name())
                .param("createdAt", Timestamp.from(subscription.createdAt()))
                .update();
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

    private static String[] names(Set<ChangeKind> kinds) {
        return kinds.stream().map(ChangeKind::name).toArray(String[]::new);
    }

    private static Subscription subscription(ResultSet row) throws SQLException {
        String[] kinds = (String[]) row.getArray("change_kinds").getArray();
        return new Subscription(
                new SubscriptionId(row.getObject("id", UUID.class)),
                new MunicipalityId(row.getObject("municipality_id", UUID.class)),
                new Selector(SelectorType.valueOf(row.getString("selector_type")), row.getString("selector_value")),
                Arrays.stream(kinds)
                        .map(ChangeKind::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChangeKind.class))),
                SubscriptionStatus.valueOf(row.getString("status")),
                row.getTimestamp("created_at").toInstant());
    }
}
