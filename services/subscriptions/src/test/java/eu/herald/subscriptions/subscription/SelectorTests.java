package eu.herald.subscriptions.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.herald.subscriptions.municipality.MunicipalityId;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorTests {

    @Test
    void followsAThemeBySlug() {
        assertThat(Selector.theme("territorial-cohesion").value()).isEqualTo("territorial-cohesion");
    }

    @Test
    void refusesAThemeThatIsNotASlug() {
        assertThatIllegalArgumentException().isThrownBy(() -> Selector.theme("Territorial cohesion"));
        assertThatIllegalArgumentException().isThrownBy(() -> Selector.theme("green--transition"));
        assertThatIllegalArgumentException().isThrownBy(() -> Selector.theme("a".repeat(101)));
    }

    @Test
    void writesEventAndSessionIdsInLowerCaseAsTheCatalogueDoes() {
        assertThat(Selector.event("3D6F2B8E-1C4A-4E7B-8F2D-9A0B1C2D3E40").value())
                .isEqualTo("3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40");
        assertThat(Selector.session("5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11").value())
                .isEqualTo("5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11");
    }

    @Test
    void refusesAnEventOrSessionThatIsNotAnId() {
        assertThatIllegalArgumentException().isThrownBy(() -> Selector.event("euregionsweek-2022"));
        assertThatIllegalArgumentException().isThrownBy(() -> Selector.session("1-2-3-4-5"));
        assertThat(SelectorType.EVENT.problemWith("euregionsweek-2022")).isEqualTo("must be an event id (UUID)");
        assertThat(SelectorType.THEME.problemWith("green-transition")).isNull();
    }

    @Test
    void aNewSubscriptionIsActiveAndNeedsAtLeastOneChangeKind() {
        Subscription subscription = Subscription.start(
                MunicipalityId.generate(),
                Selector.theme("green-transition"),
                ChangeKind.all(),
                null,
                null,
                Reminders.none(),
                Clock.systemUTC());
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.changeKinds()).containsExactly(ChangeKind.values());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscription.start(
                        MunicipalityId.generate(),
                        Selector.theme("green-transition"),
                        Set.of(),
                        null,
                        null,
                        Reminders.none(),
                        Clock.systemUTC()));
    }
}
