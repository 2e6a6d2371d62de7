package eu.herald.problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Answers a servlet service's errors as problem details. Before Spring MVC's own configuration, whose problem
 * details handler ({@code spring.mvc.problemdetails.enabled}) steps back for this one.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemsAutoConfiguration {

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
