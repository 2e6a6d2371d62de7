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
        assertThat(EntityTags.requiredVersion("\"3\"", () -> 1)).isEqualTo(3);
    }

    @Test
    void requiresAPreconditionWithoutIfMatchOrWithAStar() {
        assertThatThrownBy(() -> EntityTags.requiredVersion(null, () -> 1)).isInstanceOf(PreconditionRequired.class);
        assertThatThrownBy(() -> EntityTags.requiredVersion(" ", () -> 1)).isInstanceOf(PreconditionRequired.class);
        assertThatThrownBy(() -> EntityTags.requiredVersion("*", () -> 1)).isInstanceOf(PreconditionRequired.class);
    }

    @Test
    void namesTheCurrentVersionWhenRequiringAPrecondition() {
        assertThatThrownBy(() -> EntityTags.requiredVersion(null, () -> 7))
                .isInstanceOf(PreconditionRequired.class)
                .hasMessageEndingWith("If-Match: \"7\"");
        assertThat(EntityTags.requiredVersion("\"3\"", () -> {
                    throw new AssertionError("the current version is looked up only for a refusal");
                }))
                .isEqualTo(3);
    }

    @Test
    void requiresAnImpossibleVersionForWeakOrMalformedTags() {
        assertThat(EntityTags.requiredVersion("W/\"3\"", () -> 1)).isNegative();
        assertThat(EntityTags.requiredVersion("3", () -> 1)).isNegative();
        assertThat(EntityTags.requiredVersion("\"three\"", () -> 1)).isNegative();
    }
}
