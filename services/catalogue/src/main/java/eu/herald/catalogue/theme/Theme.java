package eu.herald.catalogue.theme;

import eu.herald.catalogue.shared.Texts;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A theme of the taxonomy, identified by its slug ({@code territorial-cohesion}), named in several languages. */
@Table("theme")
public record Theme(@Id String slug, Texts name) {}
