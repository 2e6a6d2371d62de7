package eu.herald.web.console.session;

import eu.herald.web.console.Session;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** After a change that is announced, the operator follows its fan-out: the page of the session's new version. */
final class FanOutLink {

    private FanOutLink() {}

    /** @param expectedEndpoints how many endpoints the preview counted, when there was one */
    static String redirect(Session changed, @Nullable Integer expectedEndpoints) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/console/sessions/{id}/versions/{version}/fan-out");
        if (expectedEndpoints != null) {
            link.queryParam("expected", expectedEndpoints);
        }
        return "redirect:"
                + link.buildAndExpand(changed.id(), changed.version()).toUriString();
    }
}
