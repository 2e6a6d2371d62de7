package eu.herald.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for a Herald service in the local stack's own tests, which must not wait for the
 * real services to be built: it reads the environment a service gets, proves the database in it is
 * reachable, answers the readiness probe and reports a graceful stop in its log. With
 * {@code -Dstand-in.fail=true} it fails at startup like a misconfigured service.
 */
final class StandInService {

    private StandInService() {}

    public static void main(String[] args) throws IOException, SQLException {
        if (Boolean.getBoolean("stand-in.fail")) {
            System.out.println("stand-in: failing at startup as asked");
            System.exit(3);
        }
        Map<String, String> seen = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("SPRING_") || name.startsWith("HERALD_") || name.equals("SERVER_PORT")) {
                seen.put(name, value);
            }
        });
        String datasource = System.getenv("SPRING_DATASOURCE_URL");
        // the authorization server has no database
        if (datasource != null) {
            try (Connection connection = DriverManager.getConnection(datasource);
                    ResultSet database = connection.createStatement().executeQuery("select current_database()")) {
                database.next();
                seen.put("database", database.getString(1));
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        // the web application's readiness is its health
        server.createContext("/actuator/health", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/environment", exchange -> {
            StringBuilder text = new StringBuilder();
            seen.forEach(
                    (name, value) -> text.append(name).append('=').append(value).append('\n'));
            answer(exchange, text.toString());
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stand-in: stopping gracefully");
            server.stop(0);
        }));
        System.out.println("stand-in: ready on " + System.getenv("SERVER_PORT"));
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
