package eu.herald.catalogue.audit;

import eu.herald.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs an operator's write and records it in one transaction: the feature's own transaction joins this one,
 * so a write that fails (stale version, conflict, invalid input) leaves no entry, and a committed write
 * always has one.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param write the feature's write, e.g. {@code () -> scheduling.revise(id, details, version)}
     * @param revision what it changed, read from the write's result
     * @return the write's result
     */
    @Transactional
    public <T> T record(AuditedEntity entity, AuditedChange change, Supplier<T> write, Function<T, Revision> revision) {
        T result = write.get();
        Revision written = revision.apply(result);
        if (written.changedSomething()) {
            Caller caller = Caller.current()
                    .orElseThrow(() -> new IllegalStateException("an audited write needs an authenticated caller"));
            jdbc.sql("""
                            insert into audit_entry (occurred_at, client_id, subject, entity_type, entity_id, change,
                                                     from_version, to_version)
                            values (:at, :client, :subject, :type, :id, :change, :from, :to)
                            """)
                    .param("at", Timestamp.from(Instant.now(clock)))
                    .param("client", caller.clientId())
                    .param("subject", caller.subject())
                    .param("type", entity.name())
                    .param("id", written.entityId())
                    .param("change", change.name())
                    .param("from", written.fromVersion(), Types.INTEGER)
                    .param("to", written.toVersion(), Types.INTEGER)
                    .update();
        }
        return result;
    }

    /** Runs a deletion of the entity at {@code version} and records it. */
    @Transactional
    public void recordDeletion(AuditedEntity entity, String entityId, int version, Runnable delete) {
        record(
                entity,
                AuditedChange.DELETED,
                () -> {
                    delete.run();
                    return entityId;
                },
                deleted -> new Revision(deleted, version, null));
    }

    /** Newest first; every criterion is optional. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(
            @Nullable AuditedEntity entity, @Nullable String entityId, @Nullable String clientId, int page, int size) {
        String where = """
                where (cast(:type as text) is null or entity_type = :type)
                  and (cast(:id as text) is null or entity_id = :id)
                  and (cast(:client as text) is null or client_id = :client)
                """;
        String type = entity == null ? null : entity.name();
        List<AuditEntry> entries = jdbc.sql(
                        "select * from audit_entry " + where + " order by id desc limit :size offset :offset")
                .param("type", type, Types.VARCHAR)
                .param("id", entityId, Types.VARCHAR)
                .param("client", clientId, Types.VARCHAR)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(AuditTrail::entry)
                .list();
        long total = jdbc.sql("select count(*) from audit_entry " + where)
                .param("type", type, Types.VARCHAR)
                .param("id", entityId, Types.VARCHAR)
                .param("client", clientId, Types.VARCHAR)
                .query(Long.class)
                .single();
        return new PageImpl<>(entries, PageRequest.of(page, size), total);
    }

    private static AuditEntry entry(ResultSet row, int number) throws SQLException {
        return new AuditEntry(
                row.getLong("id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("client_id"),
                row.getString("subject"),
                AuditedEntity.valueOf(row.getString("entity_type")),
                row.getString("entity_id"),
                AuditedChange.valueOf(row.getString("change")),
                row.getObject("from_version", Integer.class),
                row.getObject("to_version", Integer.class));
    }
}
