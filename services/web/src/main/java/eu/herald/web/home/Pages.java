package eu.herald.web.home;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page knows who is signed in and in which language; a service's refusal that no form catches becomes a page
 * of its own with the service's status: "not found" for another municipality's pages (the services answer 404, not
 * 403, so that nobody learns which municipalities exist), "not allowed", or what went wrong.
 */
@ControllerAdvice
class Pages {

    @ModelAttribute("user")
    @Nullable
    CurrentUser user(@Nullable Authentication authentication) {
        return CurrentUser.of(authentication);
    }

    @ModelAttribute("language")
    String language(Locale locale) {
        return locale.getLanguage();
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        model.addAttribute("problem", problem);
        // an exception handler's model has none of the model attributes above: who is signed in goes in by hand
        model.addAttribute("user", user(SecurityContextHolder.getContext().getAuthentication()));
        return switch (problem.status().value()) {
            case 404 -> "home/not-found";
            case 401, 403 -> "home/forbidden";
            default -> "home/problem";
        };
    }
}
