package eu.herald.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.herald.web.i18n.Localized;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A session of the catalogue at one version; {@code start} and {@code end} are local times in its {@code zone}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(
        UUID id,
        int version,
        String status,
        @Nullable UUID eventId,
        String defaultLanguage,
        Map<String, String> title,
        LocalDateTime start,
        LocalDateTime end,
        String zone,
        @Nullable String format,
        @Nullable String venue,
        @Nullable String platform,
        @Nullable String joinLink,
        List<String> themes,
        @Nullable String cancellationReason) {

    public String title(Locale locale) {
        return Objects.requireNonNullElse(Localized.pick(title, locale, defaultLanguage), "");
    }

    /** The themes by their labels, in the order the session names them; a dash for none. */
    public String themesLabelled(Map<String, String> labels) {
        return themes.isEmpty()
                ? "—"
                : String.join(
                        ", ",
                        themes.stream()
                                .map(slug -> labels.getOrDefault(slug, slug))
                                .toList());
    }

    public boolean isDraft() {
        return "DRAFT".equals(status);
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(status);
    }
}
