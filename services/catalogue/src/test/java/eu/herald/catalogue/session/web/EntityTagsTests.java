package eu.herald.catalogue.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTests {

    @Test
    void tagsAVersionAsAStrongEntityTag() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void expectsTheVersionNamedByIfMatch() {
        assertThat(EntityTags.expectedVersion("\"3\"")).isEqualTo(3);
    }

    @Test
    void expectsAnyVersionWithoutIfMatchOrWithAStar() {
        assertThat(EntityTags.expectedVersion(null)).isNull();
        assertThat(EntityTags.expectedVersion("*")).isNull();
    }

    @Test
    void expectsAnImpossibleVersionForWeakOrMalformedTags() {
        assertThat(EntityTags.expectedVersion("W/\"3\"")).isNegative();
        assertThat(EntityTags.expectedVersion("3")).isNegative();
        assertThat(EntityTags.expectedVersion("\"three\"")).isNegative();
    }
}
