package eu.herald.catalogue;

import eu.herald.catalogue.event.EventId;
import eu.herald.catalogue.session.SessionId;
import eu.herald.catalogue.shared.Texts;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PGobject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How the catalogue's value types are stored: typed ids as uuid, multilingual texts as jsonb. */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect, JsonMapper json) {
        return JdbcCustomConversions.of(
                dialect,
                List.of(
                        new TextsToJsonb(json),
                        new JsonbToTexts(json),
                        new SessionIdToUuid(),
                        new UuidToSessionId(),
                        new EventIdToUuid(),
                        new UuidToEventId()));
    }

    @WritingConverter
    record TextsToJsonb(JsonMapper json) implements Converter<Texts, PGobject> {
        @Override
        public PGobject convert(Texts texts) {
            var jsonb = new PGobject();
            jsonb.setType("jsonb");
            try {
                jsonb.setValue(json.writeValueAsString(texts.byLanguage()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return jsonb;
        }
    }

    @ReadingConverter
    record JsonbToTexts(JsonMapper json) implements Converter<PGobject, Texts> {
        private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {};

        @Override
        public Texts convert(PGobject jsonb) {
            String value = jsonb.getValue();
            Map<String, String> texts = value == null ? Map.of() : json.readValue(value, TEXTS);
            return Texts.of(texts);
        }
    }

    @WritingConverter
    static final class SessionIdToUuid implements Converter<SessionId, UUID> {
        @Override
        public UUID convert(SessionId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class UuidToSessionId implements Converter<UUID, SessionId> {
        @Override
        public SessionId convert(UUID value) {
            return new SessionId(value);
        }
    }

    @WritingConverter
    static final class EventIdToUuid implements Converter<EventId, UUID> {
        @Override
        public UUID convert(EventId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class UuidToEventId implements Converter<UUID, EventId> {
        @Override
        public EventId convert(UUID value) {
            return new EventId(value);
        }
    }
}
