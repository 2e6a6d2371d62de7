package eu.herald.catalogue.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextsTests {

    @Test
    void knowsLanguageTagsOfRealLanguages() {
        assertThat(Texts.isLanguageTag("pl")).isTrue();
        assertThat(Texts.isLanguageTag("pt-BR")).isTrue();
        assertThat(Texts.isLanguageTag("xx")).isFalse();
        assertThat(Texts.isLanguageTag("EN")).isFalse();
        assertThat(Texts.isLanguageTag("english")).isFalse();
    }

    @Test
    void prefersTheFirstRequestedLanguageThatHasAText() {
        Texts title = Texts.of(Map.of("en", "Networking", "pl", "Sieciowanie"));

        assertThat(title.preferring(List.of("pt", "pl"), "en")).contains("Sieciowanie");
        assertThat(title.preferring(List.of("pt"), "en")).contains("Networking");
    }
}
