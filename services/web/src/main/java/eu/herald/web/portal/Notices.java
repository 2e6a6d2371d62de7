package eu.herald.web.portal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What an action did, or why it failed, shown once on the page it redirects to, in the page's language. */
@Component
public class Notices {

    private final MessageSource messages;

    Notices(MessageSource messages) {
        this.messages = messages;
    }

    public void done(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("notice", text(key, arguments));
    }

    public void failed(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("failure", text(key, arguments));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
