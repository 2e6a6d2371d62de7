package eu.herald.catalogue.theme.web;

import eu.herald.catalogue.shared.EntityTags;
import eu.herald.catalogue.shared.Texts;
import eu.herald.catalogue.theme.Theme;
import eu.herald.catalogue.theme.Themes;
import eu.herald.problems.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The public, read-only side of the theme taxonomy. */
@RestController
@RequestMapping("/api/themes")
@Tag(name = "themes (read)", description = "Public")
class ThemeController {

    private final Themes themes;

    ThemeController(Themes themes) {
        this.themes = themes;
    }

    @GetMapping
    @Operation(summary = "The theme taxonomy, by slug")
    List<ThemeView> themes() {
        return themes.findAll(Sort.by("slug")).stream().map(ThemeView::of).toList();
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One theme with its version as ETag")
    @Nullable
    ResponseEntity<ThemeView> theme(@PathVariable String slug, WebRequest request) {
        Theme theme = themes.findById(slug).orElseThrow(() -> new NotFound("theme", slug));
        String tag = EntityTags.of(theme.version());
        if (request.checkNotModified(tag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(tag).body(ThemeView.of(theme));
    }

    record ThemeView(String slug, Map<String, String> labels) {
        static ThemeView of(Theme theme) {
            return new ThemeView(theme.slug(), theme.labels().byLanguage());
        }
    }

    /** The body of a theme creation or relabelling; the slug of a relabelling comes from the path. */
    record ThemeRequest(@Nullable String slug, @Nullable Map<String, String> labels) {
        Texts texts() {
            return Texts.of(labels);
        }
    }
}
