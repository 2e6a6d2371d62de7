package eu.herald.problems.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The problems a service answers, in a web slice: the advice comes from the library's auto-configuration alone. */
@WebMvcTest(properties = "spring.mvc.problemdetails.enabled=true")
class ProblemResponsesIntegrationTests {

    private static final String SESSION = """
            {"title": "Networking of cities", "seats": 100, "venue": {"platform": "ZOOM", "on": "2022-10-11"},
             "titles": {"pl": "Sieciowanie miast"}, "endpoints": ["9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a"]}
            """;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationContext context;

    @Test
    void isTheOnlyExceptionHandlerEvenWhenSpringsProblemDetailsAreEnabled() {
        assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class)).containsOnlyKeys("problemResponses");
    }

    @Test
    void acceptsAWellFormedSession() {
        assertThat(post("/api/sessions", SESSION)).hasStatusOk();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated                     | {"title": "Networking", "venue": {"platform": "ZO
            not JSON                      | title=Networking
            a syntax error inside a field | {"title": "Networking", "seats": 100, "venue": {"platform": ZOOM}}
            empty                         | ''
            """)
    void answersAnUnreadableBodyWithoutNamingAField(String what, String body) {
        JsonNode problem = problem(post("/api/sessions", body), 400);

        assertThat(problem.get("detail").asString()).isEqualTo("The request body is not readable JSON.");
        assertThat(problem.get("errors").isArray()).isTrue();
        assertThat(problem.get("errors").isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "seats": "many"                 | seats           | must be a number
            "venue": {"platform": "WEBEX"}  | venue.platform  | must be one of ZOOM, TEAMS
            "venue": {"on": "11.10.2022"}   | venue.on        | must be a date such as 2022-10-11
            "titles": {"pl": ["Sieciowanie"]} | titles.pl     | must be a string
            "endpoints": ["not-a-uuid"]     | endpoints[0]    | must be a UUID
            "endpoints": "9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a" | endpoints | must be an array
            "venue": "online"               | venue           | has a value of the wrong type or format
            """)
    void namesTheFieldOfAValueOfTheWrongTypeByItsJsonPath(String member, String field, String message) {
        String body = "{\"title\": \"Networking\", \"seats\": 100, " + member + "}";

        JsonNode problem = problem(post("/api/sessions", body), 400);

        assertThat(problem.get("detail").asString()).isEqualTo("The request body has a value of the wrong type.");
        assertThat(errors(problem)).containsExactly(Map.of("field", field, "message", message));
    }

    @Test
    void namesEveryFieldThatFailsValidationInTheOrderOfTheirNames() {
        JsonNode problem = problem(post("/api/sessions", "{\"title\": \" \", \"seats\": 0}"), 400);

        assertThat(problem.get("detail").asString()).isEqualTo("The request has invalid fields.");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("seats", "title");
    }

    @Test
    void namesTheFieldsOfInvalidInputInTheOrderTheServiceGaveThem() {
        JsonNode problem = problem(post("/api/events", "{}"), 400);

        assertThat(problem.get("detail").asString()).isEqualTo("The event is invalid");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("zone", "endsOn");
    }

    @Test
    void namesAPathOrQueryParameterOfTheWrongType() {
        assertThat(errors(problem(mvc.get().uri("/api/sessions/not-a-uuid").exchange(), 400)))
                .containsExactly(Map.of("field", "id", "message", "must be a UUID"));
        assertThat(errors(problem(mvc.get().uri("/api/sessions?platform=WEBEX").exchange(), 400)))
                .containsExactly(Map.of("field", "platform", "message", "must be one of ZOOM, TEAMS"));
    }

    @Test
    void namesAMissingOrInvalidParameter() {
        assertThat(errors(problem(mvc.get().uri("/api/sessions").exchange(), 400)))
                .containsExactly(Map.of("field", "platform", "message", "is required"));
        assertThat(errors(problem(
                        mvc.get().uri("/api/sessions?platform=ZOOM&size=51").exchange(), 400)))
                .containsExactly(Map.of("field", "size", "message", "must be less than or equal to 50"));
    }

    @Test
    void answersAMissingResourceWith404() {
        JsonNode problem = problem(
                mvc.get()
                        .uri("/api/sessions/3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40")
                        .exchange(),
                404);

        assertThat(problem.get("detail").asString())
                .isEqualTo("No session with id 3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/sessions/3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40");
    }

    @Test
    void answersAConflictWith409NamingTheFieldWhenOneIsToBlame() {
        JsonNode named = problem(mvc.post().uri("/api/subscriptions").exchange(), 409);
        assertThat(errors(named))
                .containsExactly(Map.of(
                        "field", "selector", "message", "The municipality already follows THEME green-transition"));

        JsonNode unnamed = problem(
                mvc.post()
                        .uri("/api/sessions/5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11/publication")
                        .exchange(),
                409);
        assertThat(unnamed.get("errors").isEmpty()).isTrue();
    }

    @Test
    void answersAMissingOrStaleVersionWith428Or412() {
        String uri = "/api/sessions/5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11";

        assertThat(problem(mvc.put().uri(uri).exchange(), 428).get("detail").asString())
                .startsWith("Send If-Match");
        assertThat(problem(mvc.put().uri(uri).header("If-Match", "\"2\"").exchange(), 412)
                        .get("detail")
                        .asString())
                .endsWith("is at version 3; read it again and retry");
    }

    @Test
    void answersAnUnexpectedFailureWith500WithoutItsMessage() {
        MvcTestResult result = mvc.get().uri("/api/broken").exchange();

        JsonNode problem = problem(result, 500);
        assertThat(problem.get("detail").asString()).isEqualTo("The request could not be completed");
        assertThat(new String(result.getResponse().getContentAsByteArray(), UTF_8))
                .doesNotContain("s3cret", "relay.example", "Exception");
    }

    @Test
    void answersSpringMvcsOwnRefusalsAsProblems() {
        problem(
                mvc.post()
                        .uri("/api/sessions")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("Networking")
                        .exchange(),
                415);
        problem(mvc.delete().uri("/api/sessions").exchange(), 405);
        problem(mvc.get().uri("/api/nothing-here").exchange(), 404);
    }

    private MvcTestResult post(String uri, String body) {
        return mvc.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    /** The problem of a response, checked for the members every problem has: the title is the reason phrase. */
    private JsonNode problem(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
        // no type: RFC 9457 takes an absent one for about:blank, whose title is the status's reason phrase
        assertThat(problem.has("type")).as(problem.toString()).isFalse();
        assertThat(problem.path("title").asString())
                .as(problem.toString())
                .isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private List<Map<String, String>> errors(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(error -> Map.of(
                        "field",
                        error.get("field").asString(),
                        "message",
                        error.get("message").asString()))
                .toList();
    }
}
