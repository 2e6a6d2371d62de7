package eu.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class TestPostgresTests {

    @Test
    void createsADatabasePerNameOnARealServer() throws Exception {
        String url = TestPostgres.jdbcUrl("support_check");

        try (var connection = DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
                var statement = connection.createStatement();
                var result = statement.executeQuery("select current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("support_check");
        }
    }

    @Test
    void replacesTheDatabaseOfAUrlKeepingItsParameters() {
        assertThat(TestPostgres.withDatabase("jdbc:postgresql://localhost:5432/postgres?user=postgres", "x"))
                .isEqualTo("jdbc:postgresql://localhost:5432/x?user=postgres");
    }
}
