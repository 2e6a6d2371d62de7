package eu.herald.catalogue.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds sessions by event, theme, status and start date. The order is stable: by start instant, then by
 * creation, then by id, so a page does not shift when unrelated sessions are revised.
 */
@Component
class SessionSearch {

    private static final String ORDER = " order by (starts_local at time zone zone), created_at, id";

    private final JdbcClient jdbc;
    private final Sessions sessions;

    SessionSearch(JdbcClient jdbc, Sessions sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    Page<Session> page(SessionFilter filter, int page, int size) {
        var parameters = new HashMap<String, Object>();
        String where = where(filter, parameters);
        long total = jdbc.sql("select count(*) from session" + where)
                .params(parameters)
                .query(Long.class)
                .single();
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        List<UUID> ids = jdbc.sql("select id from session" + where + ORDER + " limit :limit offset :offset")
                .params(parameters)
                .query(UUID.class)
                .list();
        return new PageImpl<>(load(ids), PageRequest.of(page, size), total);
    }

    List<Session> all(SessionFilter filter) {
        var parameters = new HashMap<String, Object>();
        List<UUID> ids = jdbc.sql("select id from session" + where(filter, parameters) + ORDER)
                .params(parameters)
                .query(UUID.class)
                .list();
        return load(ids);
    }

    private List<Session> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<SessionId, Session> byId = sessions
                .findAllById(ids.stream().map(SessionId::new).toList())
                .stream()
                .collect(Collectors.toMap(Session::id, Function.identity()));
        var ordered = new ArrayList<Session>();
        ids.forEach(id -> {
            Session session = byId.get(new SessionId(id));
            if (session != null) {
                ordered.add(session);
            }
        });
        return ordered;
    }

    private static String where(SessionFilter filter, Map<String, Object> parameters) {
        var conditions = new ArrayList<String>();
        if (filter.event() != null) {
            conditions.add("event_id = :event");
            parameters.put("event", filter.event().value());
        }
        if (filter.theme() != null) {
            conditions.add(":theme = any(themes)");
            parameters.put("theme", filter.theme());
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("status in (:statuses)");
            parameters.put(
                    "statuses",
                    filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (filter.from() != null) {
            conditions.add("starts_local >= :from");
            parameters.put("from", filter.from().atStartOfDay());
        }
        if (filter.to() != null) {
            conditions.add("starts_local < :to");
            parameters.put("to", filter.to().plusDays(1).atStartOfDay());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
