package eu.herald.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a service's paged answer (Spring Data's {@code PagedModel}): its items and how many pages there are. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Paged<T>(List<T> content, @Nullable Metadata page) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(int totalPages) {}

    /** Whether a page comes after page {@code number} (0 the first). */
    public boolean hasAfter(int number) {
        return page != null && number + 1 < page.totalPages();
    }
}
