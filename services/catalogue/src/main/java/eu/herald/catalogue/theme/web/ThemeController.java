package eu.herald.catalogue.theme.web;

import eu.herald.catalogue.theme.Theme;
import eu.herald.catalogue.theme.Themes;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/themes")
class ThemeController {

    private final Themes themes;

    ThemeController(Themes themes) {
        this.themes = themes;
    }

    @GetMapping
    List<ThemeView> themes() {
        return themes.findAll(Sort.by("slug")).stream().map(ThemeView::of).toList();
    }

    record ThemeView(String slug, Map<String, String> name) {
        static ThemeView of(Theme theme) {
            return new ThemeView(theme.slug(), theme.name().byLanguage());
        }
    }
}
