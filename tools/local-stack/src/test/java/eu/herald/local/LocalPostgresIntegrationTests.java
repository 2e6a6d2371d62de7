package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's (and so the benchmark's) PostgreSQL, as the server itself reports its settings. */
class LocalPostgresIntegrationTests {

    @Test
    void commitsDurablyAsAProductionServerDoesAndSaysSo(@TempDir Path home) throws Exception {
        LocalPostgres postgres = new LocalPostgres(LocalStackSettings.onFreePorts(home, home));
        Files.createDirectories(home.resolve("logs"));
        postgres.start();
        try {
            postgres.createDatabases(List.of("notifications"));
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("notifications"))) {
                assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(show(connection, "fsync")).isEqualTo("on");
            }
            assertThat(postgres.durability()).isEqualTo("synchronous_commit=on, fsync=on");
        } finally {
            postgres.stop();
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("show " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
