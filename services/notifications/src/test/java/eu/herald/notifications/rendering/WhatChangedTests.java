package eu.herald.notifications.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WhatChangedTests {

    @Test
    void tellsAnEmptiedListAsNoneInPolish() {
        assertThat(languagesChanged(List.of(), "pl")).isEqualTo(new ChangedField("Języki", "en", "(brak)"));
    }

    @Test
    void tellsAnEmptiedListAsNoneInPortuguese() {
        assertThat(languagesChanged(List.of(), "pt")).isEqualTo(new ChangedField("Línguas", "en", "(nenhum)"));
    }

    @Test
    void tellsAnEmptiedListAsNoneInEnglish() {
        assertThat(languagesChanged(List.of(), "en")).isEqualTo(new ChangedField("Languages", "en", "(none)"));
    }

    @Test
    void tellsTheItemsOfAChangedList() {
        assertThat(languagesChanged(List.of("en", "pl"), "pl")).isEqualTo(new ChangedField("Języki", "en", "en, pl"));
    }

    @Test
    void tellsAListTheSnapshotDoesNotCarryAsUnknown() {
        assertThat(languagesChanged(null, "pl")).isEqualTo(new ChangedField("Języki", "en", "…"));
    }

    /** The session's languages were ["en"] and are now {@code languages}, told to a reader of {@code language}. */
    private static ChangedField languagesChanged(@Nullable List<String> languages, String language) {
        Session session = SeedRequests.session(
                2,
                LocalDateTime.parse("2022-10-11T16:30"),
                LocalDateTime.parse("2022-10-11T18:00"),
                SeedRequests.WARSAW,
                null,
                languages);
        SessionChange change = SeedRequests.request(
                        SeedRequests.newChange(),
                        ChangeKind.UPDATED,
                        session,
                        Map.of("languages", List.of("en")),
                        List.of("languages"),
                        SeedRequests.plock(),
                        SeedRequests.email("languages@herald-tests.example"))
                .change();
        List<ChangedField> changes = new Notice(change, Locale.forLanguageTag(language), SeedRequests.WARSAW).changes();
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }
}
