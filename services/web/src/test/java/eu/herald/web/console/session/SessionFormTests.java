package eu.herald.web.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.web.api.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The edit form as a merge patch of the session, and the catalogue's field names as the form's. */
class SessionFormTests {

    @Test
    void blankFieldsRemoveWhatTheyNameAndThemesKeepTheOrderRead() {
        SessionForm form = new SessionForm();
        form.setTitleEn("Networking of cities");
        form.setTitlePt(" ");
        form.setStart("2022-10-11T17:00");
        form.setThemesRead(List.of("territorial-cohesion", "green-transition", "digital"));
        form.setThemes(List.of("digital", "culture", "territorial-cohesion"));

        Map<String, Object> patch = form.patch();

        assertThat(patch.get("title")).isEqualTo(mapOf("en", "Networking of cities", "pl", null, "pt", null));
        assertThat(patch.get("start")).isEqualTo("2022-10-11T17:00");
        assertThat(patch).containsEntry("venue", null);
        assertThat(patch.get("themes")).isEqualTo(List.of("territorial-cohesion", "digital", "culture"));
    }

    @Test
    void aTitlesLanguageIsItsFieldOnTheForm() {
        ApiProblem problem = new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "Bad Request",
                "The session is invalid",
                List.of(new ApiProblem.FieldError("title.pl", "is too long"), new ApiProblem.FieldError("end", "x")));

        assertThat(SessionForm.onTheForm(problem).errors())
                .extracting(ApiProblem.FieldError::field)
                .containsExactly("titlePl", "end");
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
