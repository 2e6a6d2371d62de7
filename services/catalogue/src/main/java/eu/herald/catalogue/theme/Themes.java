package eu.herald.catalogue.theme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.Repository;

/** The theme taxonomy; other features only read it (they refer to themes by slug). */
public interface Themes extends Repository<Theme, String> {

    List<Theme> findAll(Sort sort);

    List<Theme> findAllById(Iterable<String> slugs);

    Optional<Theme> findById(String slug);

    boolean existsById(String slug);

    /** The slugs among these that name no theme, in alphabetical order. */
    default Set<String> unknown(Collection<String> slugs) {
        var unknown = new TreeSet<>(slugs);
        if (unknown.isEmpty()) {
            return unknown;
        }
        findAllById(slugs).forEach(theme -> unknown.remove(theme.slug()));
        return unknown;
    }
}
