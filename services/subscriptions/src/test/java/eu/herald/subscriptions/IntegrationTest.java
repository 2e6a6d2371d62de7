package eu.herald.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.testsupport.TestPostgres;
import eu.herald.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against a real PostgreSQL and a real (embedded KRaft) Kafka broker, with the
 * demo seed. Every integration test extends this class so they share one cached context.
 */
@SpringBootTest(
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "herald.subscriptions.matcher.retry.max-attempts=2",
            "herald.subscriptions.matcher.retry.initial-interval=100ms",
            // small enough that the fan-out tests cross batch boundaries
            "herald.subscriptions.matcher.batch-size=2",
            "herald.subscriptions.matcher.fetch-size=2",
            "herald.subscriptions.limits.endpoints=4",
            "herald.subscriptions.limits.subscriptions=4",
            "herald.subscriptions.web-push.vapid-public-key=" + IntegrationTest.VAPID_PUBLIC_KEY,
            // the tests' admin and municipalities write without limit; any other client gets a small one
            "herald.security.write-limits.per-client.requests=5",
            "herald.security.write-limits.per-client.per=1h",
            "herald.security.write-limits.per-tenant.requests=1000000",
            "herald.security.write-limits.per-tenant.per=1s",
            "herald.security.write-limits.clients." + Tokens.ADMIN_CLIENT + ".requests=1000000",
            "herald.security.write-limits.clients." + Tokens.ADMIN_CLIENT + ".per=1s",
            "herald.security.write-limits.clients." + Tokens.TENANT_CLIENT + ".requests=1000000",
            "herald.security.write-limits.clients." + Tokens.TENANT_CLIENT + ".per=1s",
            "herald.security.write-limits.clients." + Tokens.OPERATOR_CLIENT + ".requests=1000000",
            "herald.security.write-limits.clients." + Tokens.OPERATOR_CLIENT + ".per=1s",
            // the retention test purges on purpose; outcomes dated 2022 by other tests must stay meanwhile
            "herald.subscriptions.history.purge-interval=1000d",
            "herald.subscriptions.erasures.relay-interval=100ms",
            "herald.subscriptions.webhooks.master-key=" + IntegrationTest.MASTER_KEY
        })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import({TestDns.class, IntegrationTest.CallersOfThePath.class})
@EmbeddedKafka(
        partitions = 3,
        topics = {"catalogue.session-changes.v1", "catalogue.themes.v1", "notifications.delivery-outcomes.v1"},
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
public abstract class IntegrationTest {

    /** A P-256 public key (uncompressed point) standing for the notifications service's VAPID key. */
    protected static final String VAPID_PUBLIC_KEY =
            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";

    /** The key webhook secrets derive from; known here so that tests can look for it where it must not be. */
    protected static final String MASTER_KEY = "test-master-key-7f3c9a1e5b2d4680a9c8e7f6d5b4a392";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("subscriptions"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.datasource.password", TestPostgres::password);
        registry.add("spring.mail.host", () -> TestSmtp.HOST);
        registry.add("spring.mail.port", TestSmtp::port);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", Tokens.ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", Tokens.ISSUER::jwkSetUri);
    }

    /** Every request of {@link #mvc} carries the token its path needs unless it says otherwise ({@link Tokens#forPath()}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class CallersOfThePath {

        @Bean
        MockMvcBuilderCustomizer tokenOfThePath() {
            return builder -> builder.defaultRequest(get("/").with(Tokens.forPath()));
        }
    }

    @Autowired
    protected JdbcClient jdbc;

    /** The MockMvc of each context (one per cached context) whose decoder has the keys. */
    private static final Set<MockMvc> KEYS_FETCHED = ConcurrentHashMap.newKeySet();

    /**
     * The first token a context checks makes it fetch the issuer's JWK set over HTTP; on a loaded two-core
     * machine that first fetch can time out, which would fail whichever test happened to come first. Fetched
     * once per context here, with patience, so that every test starts with the keys in the decoder's cache.
     */
    @BeforeEach
    void fetchTheIssuersKeys() {
        if (KEYS_FETCHED.contains(mvc)) {
            return;
        }
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .untilAsserted(() -> mvc.perform(get("/api/municipalities/" + UUID.randomUUID())
                                .header(HttpHeaders.AUTHORIZATION, Tokens.admin()))
                        .andExpect(status().isNotFound()));
        KEYS_FETCHED.add(mvc);
    }

    /** The catalogue's taxonomy as its topic would have delivered it (the topic itself is tested once). */
    @BeforeEach
    void knowTheCataloguesThemes() {
        for (String slug :
                List.of("green-transition", "territorial-cohesion", "digital-transformation", "youth-empowerment")) {
            knownTheme(slug);
        }
    }

    protected void knownTheme(String slug) {
        jdbc.sql("insert into theme (slug, labels, retired) values (:slug, '{}', false) on conflict do nothing")
                .param("slug", slug)
                .update();
    }

    /**
     * Bulk-loads {@code count} active municipalities following the theme, each with one active email
     * endpoint; with {@code everyTenthFollowsTheEvent}, every tenth also follows the event whose id
     * is {@link #eventOf(String) eventOf(theme)}, an overlap that must not double its requests.
     */
    protected void seedFollowers(String theme, int count, boolean everyTenthFollowsTheEvent) {
        knownTheme(theme);
        jdbc.sql("""
                        insert into municipality (id, name, country, language, time_zone)
                        select md5(:theme || g)::uuid, 'Gmina ' || g, 'PL', 'pl', 'Europe/Warsaw'
                          from generate_series(1, :count) g
                        """).param("theme", theme).param("count", count).update();
        jdbc.sql("""
                        insert into endpoint (id, municipality_id, channel, address, status)
                        select md5('e' || :theme || g)::uuid, md5(:theme || g)::uuid, 'EMAIL',
                               'gmina' || g || '@' || :theme || '.example', 'ACTIVE'
                          from generate_series(1, :count) g
                        """).param("theme", theme).param("count", count).update();
        jdbc.sql("""
                        insert into subscription (id, municipality_id, selector_type, selector_value)
                        select md5('s' || :theme || g)::uuid, md5(:theme || g)::uuid, 'THEME', :theme
                          from generate_series(1, :count) g
                        """).param("theme", theme).param("count", count).update();
        if (everyTenthFollowsTheEvent) {
            jdbc.sql("""
                            insert into subscription (id, municipality_id, selector_type, selector_value)
                            select md5('v' || :theme || g)::uuid, md5(:theme || g)::uuid, 'EVENT', :event
                              from generate_series(1, :count, 10) g
                            """)
                    .param("theme", theme)
                    .param("count", count)
                    .param("event", eventOf(theme).toString())
                    .update();
        }
        jdbc.sql("analyze").update();
    }

    /** The event that the municipalities of {@link #seedFollowers} may follow besides the theme. */
    protected static UUID eventOf(String theme) {
        return UUID.nameUUIDFromBytes(theme.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Registers an email endpoint and follows the confirmation link mailed to it. */
    protected UUID registerEmail(UUID municipality, String address) throws Exception {
        UUID endpoint = registerPendingEmail(municipality, address);
        mvc.perform(post(verificationPath(address))).andExpect(status().isOk());
        return endpoint;
    }

    protected UUID registerPendingEmail(UUID municipality, String address) throws Exception {
        return id(postJson(
                "/api/municipalities/" + municipality + "/endpoints", Map.of("channel", "EMAIL", "address", address)));
    }

    /** The path of the confirmation link in the last message mailed to the address. */
    protected static String verificationPath(String address) throws Exception {
        List<MimeMessage> messages = TestSmtp.to(address);
        assertThat(messages).as("confirmation mail to " + address).isNotEmpty();
        String text = String.valueOf(messages.get(messages.size() - 1).getContent());
        Matcher link = Pattern.compile("http://localhost:8082(/endpoints/verify/[A-Za-z0-9_.-]+)")
                .matcher(text);
        assertThat(link.find()).as("confirmation link in " + text).isTrue();
        return link.group(1);
    }

    protected UUID registerMunicipality(String name) throws Exception {
        return id(postJson(
                "/api/municipalities",
                Map.of("name", name, "country", "PL", "language", "pl", "timeZone", "Europe/Warsaw")));
    }

    protected UUID subscribe(UUID municipality, String type, String value, String... changeKinds) throws Exception {
        if (type.equals("THEME")) {
            knownTheme(value);
        }
        Map<String, Object> body = changeKinds.length == 0
                ? Map.of("selector", Map.of("type", type, "value", value))
                : Map.of("selector", Map.of("type", type, "value", value), "changeKinds", Arrays.asList(changeKinds));
        return id(postJson("/api/municipalities/" + municipality + "/subscriptions", body));
    }

    /** An outcome of a delivery to the endpoint in the municipality's history, as of {@code at}. */
    protected void delivered(UUID municipality, UUID endpoint, Instant at) {
        jdbc.sql("""
                        insert into delivery (delivery_id, municipality_id, endpoint_id, change_id, session_id,
                                              channel, status, attempts, changed_at, occurred_at)
                        values (?, ?, ?, ?, ?, 'EMAIL', 'SENT', 1, ?, ?)
                        """)
                .params(
                        UUID.randomUUID(),
                        municipality,
                        endpoint,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected JsonNode postJson(String path, Object body) throws Exception {
        String response = mvc.perform(
                        post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    protected static UUID id(JsonNode created) {
        return UUID.fromString(created.get("id").stringValue());
    }
}
