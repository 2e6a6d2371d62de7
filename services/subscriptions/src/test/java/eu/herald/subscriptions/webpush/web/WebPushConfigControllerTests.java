package eu.herald.subscriptions.webpush.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.subscriptions.webpush.WebPushProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class WebPushConfigControllerTests {

    @Test
    void answersAProblemWhenNoKeyIsConfiguredSoThePageCanSaySo() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(
                        new WebPushConfigController(new WebPushProperties(null, List.of())))
                .build();

        mvc.perform(get("/api/web-push/config"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Web push is not configured"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("vapid-public-key")));
    }

    @Test
    void refusesToStartWithAKeyThatIsNotAP256Point() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class)
                .withPropertyValues("herald.subscriptions.web-push.vapid-public-key=c2hvcnQ")
                .run(context ->
                        assertThat(context.getStartupFailure()).hasStackTraceContaining("uncompressed P-256 point"));
    }

    @EnableConfigurationProperties(WebPushProperties.class)
    static class Properties {}
}
