package eu.herald.notifications.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class WebErrorsTests {

    @Test
    void answersAnUnexpectedFailureWithoutItsMessage() {
        IllegalStateException failure =
                new IllegalStateException("connection to smtp://herald:s3cret@relay.example refused");

        ResponseEntity<ProblemDetail> answer = new WebErrors()
                .unexpected(failure, new ServletWebRequest(new MockHttpServletRequest("GET", "/api/deliveries")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = answer.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getDetail()).isEqualTo("The request could not be completed");
        assertThat(String.valueOf(problem)).doesNotContain("s3cret").doesNotContain("relay.example");
    }
}
