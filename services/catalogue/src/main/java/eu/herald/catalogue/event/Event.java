package eu.herald.catalogue.event;

import eu.herald.catalogue.shared.Texts;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A programme of sessions, such as the 20th European Week of Regions and Cities. */
@Table("event")
public record Event(
        @Id EventId id,
        String slug,
        Texts name,
        @Nullable Integer edition,
        LocalDate startsOn,
        LocalDate endsOn,
        String zone,
        @Nullable String place,
        @Nullable String hashtag,
        List<String> themes) {}
