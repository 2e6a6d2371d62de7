package eu.herald.testsupport;

import jakarta.servlet.ServletContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A MockMvc request whose body has no declared length, as a chunked HTTP/1.1 request has: the servlet request
 * answers -1 for its content length and carries {@code Transfer-Encoding: chunked}. For what depends on the
 * declared length, such as the request body limit (a real chunked request over a socket is tested in
 * security-support).
 */
public final class ChunkedRequestBuilder extends AbstractMockHttpServletRequestBuilder<ChunkedRequestBuilder> {

    private ChunkedRequestBuilder(HttpMethod method) {
        super(method);
        header("Transfer-Encoding", "chunked");
    }

    public static ChunkedRequestBuilder chunked(HttpMethod method, String uriTemplate, Object... uriVariables) {
        return new ChunkedRequestBuilder(method).uri(uriTemplate, uriVariables);
    }

    @Override
    protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
        return new MockHttpServletRequest(servletContext) {

            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
    }
}
