package eu.herald.notifications.webpush;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VapidTests {

    private static final Pattern HEADER = Pattern.compile("vapid t=([^,]+), k=(.+)");
    private static final Instant NOW = Instant.parse("2022-10-05T09:12:45Z");
    private static final TestVapidKeys KEYS = TestVapidKeys.generate();

    private final MutableClock clock = new MutableClock();
    private final Vapid vapid =
            new Vapid(KEYS.publicKey(), KEYS.privateKey(), "mailto:ops@herald.example", Duration.ofHours(12), clock);

    @Test
    void signsATokenForThePushServicesOriginThatVerifiesWithTheKeyItSends() throws Exception {
        Matcher header = header(vapid.authorization(URI.create("https://Push.Example:8443/send/abc?x=1")));

        String[] jwt = header.group(1).split("\\.");
        assertThat(header.group(2)).isEqualTo(KEYS.publicKey());
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(PushSubscriber.publicKey(Base64.getUrlDecoder().decode(header.group(2))));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(UTF_8));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
        assertThat(json(jwt[0]).get("alg").asString()).isEqualTo("ES256");
        JsonNode claims = json(jwt[1]);
        assertThat(claims.get("aud").asString()).isEqualTo("https://push.example:8443");
        assertThat(claims.get("sub").asString()).isEqualTo("mailto:ops@herald.example");
        assertThat(claims.get("exp").asLong())
                .isEqualTo(NOW.plus(Duration.ofHours(12)).getEpochSecond());
    }

    @Test
    void leavesTheDefaultPortOutOfTheAudience() {
        assertThat(Vapid.origin(URI.create("https://fcm.googleapis.com:443/fcm/send/x")))
                .isEqualTo("https://fcm.googleapis.com");
        assertThat(Vapid.origin(URI.create("https://updates.push.services.mozilla.com/wpush/v2/x")))
                .isEqualTo("https://updates.push.services.mozilla.com");
    }

    @Test
    void reusesATokenPerOriginUntilHalfItsValidityHasPassed() {
        URI push = URI.create("https://push.example/a");
        String first = vapid.authorization(push);

        clock.advance(Duration.ofHours(5));
        assertThat(vapid.authorization(URI.create("https://push.example/b"))).isEqualTo(first);
        assertThat(vapid.authorization(URI.create("https://other.example/a"))).isNotEqualTo(first);

        clock.advance(Duration.ofHours(2));
        assertThat(vapid.authorization(push)).isNotEqualTo(first);
    }

    @Test
    void refusesKeysThatAreNotAPairAndTokensValidForMoreThanADay() {
        TestVapidKeys other = TestVapidKeys.generate();

        assertThatThrownBy(() ->
                        new Vapid(KEYS.publicKey(), other.privateKey(), "mailto:a@b.c", Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not form a pair");
        assertThatThrownBy(() -> new Vapid("not-a-key", KEYS.privateKey(), "mailto:a@b.c", Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unusable VAPID keys");
        assertThatThrownBy(() ->
                        new Vapid(KEYS.publicKey(), KEYS.privateKey(), "mailto:a@b.c", Duration.ofHours(25), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24 hours");
    }

    private static Matcher header(String value) {
        Matcher matcher = HEADER.matcher(value);
        assertThat(matcher.matches()).as(value).isTrue();
        return matcher;
    }

    private static JsonNode json(String base64url) {
        return JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(base64url), UTF_8));
    }

    private static final class MutableClock extends Clock {

        private Instant now = NOW;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
