package eu.herald.web.home;

import eu.herald.web.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After signing in: an operator to the console, a clerk to their municipality, the admin to the municipalities. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (user == null) {
            return "home/no-role";
        }
        return switch (user.role()) {
            case OPERATOR -> "redirect:/console";
            case ADMIN -> "redirect:/municipalities";
            case CLERK -> "redirect:/municipalities/" + user.municipalityId();
        };
    }
}
