package eu.herald.catalogue.event;

import eu.herald.catalogue.shared.Texts;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** A programme of sessions, such as the 20th European Week of Regions and Cities. */
@Table("event")
public record Event(
        @Id EventId id,
        @Version int version,
        @Embedded.Empty EventDetails details) {

    public String slug() {
        return details.slug();
    }

    public Texts name() {
        return details.name();
    }

    /** What an organiser says about an event; everything a revision replaces. */
    public record EventDetails(
            String slug,
            Texts name,
            @Nullable Integer edition,
            LocalDate startsOn,
            LocalDate endsOn,
            String zone,
            @Nullable String place,
            @Nullable String hashtag,
            @Nullable String website,
            @Column("themes") List<String> themes) {

        public EventDetails {
            place = blankToNull(place);
            hashtag = blankToNull(hashtag);
            website = blankToNull(website);
            themes = themes.stream().distinct().sorted().toList();
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
