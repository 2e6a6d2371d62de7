package eu.herald.subscriptions.theme;

import eu.herald.subscriptions.naming.Texts;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local copy of the catalogue's taxonomy. It validates what municipalities ask to follow and gives the public
 * pages the labels of themes: the matcher never reads it, so notifications do not wait for the taxonomy to arrive.
 */
@Repository
public class Themes {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Themes(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the theme as published; replaying the topic yields the same table. */
    public void save(ThemeUpdated theme) {
        jdbc.sql("""
                        insert into theme (slug, labels, retired, updated_at)
                        values (:slug, cast(:labels as jsonb), :retired, :at)
                        on conflict (slug) do update
                           set labels = excluded.labels, retired = excluded.retired, updated_at = excluded.updated_at
                        """)
                .param("slug", theme.slug())
                .param("labels", json.writeValueAsString(theme.labels()))
                .param("retired", theme.retired())
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** A tombstone on the compacted topic: the theme is gone. */
    public void retire(String slug) {
        jdbc.sql("""
                        insert into theme (slug, retired, updated_at) values (:slug, true, :at)
                        on conflict (slug) do update set retired = true, updated_at = excluded.updated_at
                        """)
                .param("slug", slug)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** The theme's label in the language ({@link Texts#in}); empty when the theme or its labels are not known. */
    public Optional<String> label(String slug, Locale locale) {
        return jdbc.sql("select labels::text from theme where slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .optional()
                .flatMap(labels -> Texts.in(json.readValue(labels, LABELS), locale));
    }

    /** Why the slug cannot be followed, or null when it is a current theme of the catalogue. */
    public @Nullable String problemWith(String slug) {
        Optional<Boolean> retired = jdbc.sql("select retired from theme where slug = :slug")
                .param("slug", slug)
                .query(Boolean.class)
                .optional();
        if (retired.isEmpty()) {
            return "is not a theme of the catalogue";
        }
        return retired.get() ? "is a retired theme of the catalogue" : null;
    }
}
