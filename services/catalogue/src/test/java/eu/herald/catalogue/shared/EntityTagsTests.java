package eu.herald.catalogue.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.problems.PreconditionRequired;
import org.junit.jupiter.api.Test;

class EntityTagsTests {

    @Test
    void tagsAVersionAsAStrongEntityTag() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void requiresTheVersionNamedByIfMatch() {
        assertThat(EntityTags.requiredVersion("\"3\"")).isEqualTo(3);
    }

    @Test
    void requiresAPreconditionWithoutIfMatchOrWithAStar() {
        assertThatThrownBy(() -> EntityTags.requiredVersion(null)).isInstanceOf(PreconditionRequired.class);
        assertThatThrownBy(() -> EntityTags.requiredVersion(" ")).isInstanceOf(PreconditionRequired.class);
        assertThatThrownBy(() -> EntityTags.requiredVersion("*")).isInstanceOf(PreconditionRequired.class);
    }

    @Test
    void requiresAnImpossibleVersionForWeakOrMalformedTags() {
        assertThat(EntityTags.requiredVersion("W/\"3\"")).isNegative();
        assertThat(EntityTags.requiredVersion("3")).isNegative();
        assertThat(EntityTags.requiredVersion("\"three\"")).isNegative();
    }
}
