package eu.herald.catalogue.theme;

import org.springframework.data.repository.Repository;

/** Writes of the taxonomy, kept to {@link ThemeTaxonomy}. */
interface ThemeStore extends Repository<Theme, String> {

    Theme save(Theme theme);

    void delete(Theme theme);
}
