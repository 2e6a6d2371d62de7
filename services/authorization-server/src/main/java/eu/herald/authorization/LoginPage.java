package eu.herald.authorization;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The login page ({@code templates/login.html}), in the language {@link LoginLanguage} picks. */
@Controller
class LoginPage {

    /** {@code ?error} after a failed attempt: the page says so. */
    @GetMapping(AuthorizationServerConfiguration.LOGIN_PAGE)
    String login(@RequestParam(required = false) @Nullable String error, Model model) {
        model.addAttribute("failed", error != null);
        return "login";
    }

    /** Spring MVC's locale resolver, found by this bean name. */
    @Bean
    static LocaleResolver localeResolver() {
        return new LoginLanguage();
    }
}
