package eu.herald.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * One real PostgreSQL server per test JVM, with a database per name.
 *
 * <p>By default the server is an embedded one (zonky binaries, started on first use, stopped when
 * the JVM exits). Setting {@code HERALD_TEST_POSTGRES_URL} (for example {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) points the tests at an existing
 * server instead; databases are then created there.
 */
public final class TestPostgres {

    private static final String EXTERNAL_URL = System.getenv("HERALD_TEST_POSTGRES_URL");
    private static final Set<String> CREATED = new HashSet<>();
    private static EmbeddedPostgres embedded;

    private TestPostgres() {}

    /** A JDBC URL of a fresh-or-existing database with this name; user {@code postgres}, no password. */
    public static synchronized String jdbcUrl(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case snake case: " + database);
        }
        String adminUrl = adminUrl();
        if (CREATED.add(database)) {
            createIfMissing(adminUrl, database);
        }
        return withDatabase(adminUrl, database);
    }

    public static String username() {
        return "postgres";
    }

    public static String password() {
        return "";
    }

    private static String adminUrl() {
        if (EXTERNAL_URL != null && !EXTERNAL_URL.isBlank()) {
            return EXTERNAL_URL;
        }
        if (embedded == null) {
            try {
                // the library's default synchronous_commit=off stays: tests prove behaviour, not durability
                // across a crash, and run faster without a flush per commit. The local stack and the
                // benchmark state production durability instead (LocalPostgres)
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopEmbedded, "test-postgres-stop"));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    static String withDatabase(String adminUrl, String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static void createIfMissing(String adminUrl, String database) {
        try (Connection connection = DriverManager.getConnection(adminUrl, username(), password());
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }

    private static synchronized void stopEmbedded() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the temporary data directory is removed by the library
            }
        }
    }
}
