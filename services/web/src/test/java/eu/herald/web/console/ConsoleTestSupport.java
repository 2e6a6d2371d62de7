package eu.herald.web.console;

import eu.herald.web.PagesTestSupport;
import java.util.Map;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console's pages, signed in as an operator. */
abstract class ConsoleTestSupport extends PagesTestSupport {

    static final String EVENT = "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40";
    static final String ID = "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11";

    RequestPostProcessor operator() {
        return signedIn("operator", Map.of("name", "Olga Operator"));
    }
}
