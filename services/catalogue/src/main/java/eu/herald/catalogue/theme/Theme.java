package eu.herald.catalogue.theme;

import eu.herald.catalogue.shared.Texts;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A theme of the taxonomy, identified by its slug ({@code territorial-cohesion}), labelled in several
 * languages. The version is its entity tag and optimistic lock.
 */
@Table("theme")
public record Theme(
        @Id String slug,
        @Column("name") Texts labels,
        @Version int version) {}
