package eu.herald.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server of the local stack: embedded binaries with a data directory that outlives
 * the program, or an existing server when one is given.
 */
final class LocalPostgres {

    private static final List<String> DURABILITY_SETTINGS = List.of("synchronous_commit", "fsync");

    private final Path dataDirectory;
    private final int port;
    private final @Nullable String externalUrl;
    private final Path logFile;
    private @Nullable EmbeddedPostgres embedded;
    private @Nullable String adminUrl;

    LocalPostgres(LocalStackSettings settings) {
        this.dataDirectory = settings.home().resolve("postgres");
        this.port = settings.postgresPort();
        this.externalUrl = settings.externalPostgresUrl();
        this.logFile = settings.logs().resolve("postgres.log");
    }

    synchronized void start() {
        if (adminUrl != null) {
            return;
        }
        if (externalUrl != null) {
            try (Connection ignored = DriverManager.getConnection(externalUrl)) {
                adminUrl = externalUrl;
                return;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to HERALD_POSTGRES_URL " + externalUrl, e);
            }
        }
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // the point of the local stack's folder: the demo data and everything created since survive a
                    // restart
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // a fan-out to 100,000 municipalities writes gigabytes of write-ahead log: with the default 1 GB
                    // a checkpoint came every 26 s during the benchmark, each followed by a full-page image of
                    // every page written again; a production server is sized for its write rate the same way
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    // the embedded library turns synchronous_commit off by default: a commit would be acknowledged
                    // before it is on disk, and a crash could forget a delivery recorded as sent. Herald's promise
                    // (never lost, never duplicated) and the benchmark's figures hold for a production server only
                    // with both stated here
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    // stopped by LocalStack after the services, not by a hook racing with theirs
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
            embedded = started;
            adminUrl = started.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start PostgreSQL with data in " + dataDirectory + " (see " + logFile + ")", e);
        }
    }

    /**
     * What a commit waits for on this server, for example {@code synchronous_commit=on, fsync=on}: read from the
     * server, so that an external one is described as it runs.
     */
    String durability() {
        try (Connection connection = DriverManager.getConnection(adminUrl());
                var statement = connection.createStatement()) {
            StringBuilder settings = new StringBuilder();
            for (String setting : DURABILITY_SETTINGS) {
                try (var result = statement.executeQuery("show " + setting)) {
                    result.next();
                    settings.append(settings.isEmpty() ? "" : ", ")
                            .append(setting)
                            .append('=')
                            .append(result.getString(1));
                }
            }
            return settings.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's durability settings", e);
        }
    }

    /** Creates each database that does not exist yet; existing ones keep their data. */
    void createDatabases(List<String> names) {
        try (Connection connection = DriverManager.getConnection(adminUrl());
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            for (String name : names) {
                if (!name.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a database name: " + name);
                }
                exists.setString(1, name);
                try (var result = exists.executeQuery()) {
                    if (!result.next()) {
                        try (var create = connection.createStatement()) {
                            create.execute("create database " + name);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the databases " + names, e);
        }
    }

    /** The JDBC URL of one database, credentials included as in the admin URL. */
    String jdbcUrl(String database) {
        String admin = adminUrl();
        int query = admin.indexOf('?');
        String base = query < 0 ? admin : admin.substring(0, query);
        String parameters = query < 0 ? "" : admin.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    synchronized boolean isRunning() {
        return embedded != null;
    }

    boolean isEmbedded() {
        return externalUrl == null;
    }

    synchronized void stop() {
        EmbeddedPostgres running = embedded;
        embedded = null;
        adminUrl = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop PostgreSQL", e);
            }
        }
    }

    /**
     * SIGKILL to the server and all its backends at once (a crash, not a shutdown: nothing is flushed or
     * checkpointed); returns when they are gone. {@link #start()} then recovers from the write-ahead log.
     */
    synchronized void crash() {
        EmbeddedPostgres running = embedded;
        if (running == null) {
            throw new IllegalStateException("PostgreSQL is not running here");
        }
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        postmaster.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL was killed", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not die", e);
            }
        }
        embedded = null;
        adminUrl = null;
        try {
            // releases the library's lock on the data directory; its pg_ctl stop finds no server and says so
            running.close();
        } catch (IOException | RuntimeException e) {
            // the server is gone either way
        }
    }

    private ProcessHandle postmaster() {
        try {
            long pid =
                    Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                            .get(0)
                            .trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no PostgreSQL process " + pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PostgreSQL's process id", e);
        }
    }

    private synchronized String adminUrl() {
        if (adminUrl == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return adminUrl;
    }
}
