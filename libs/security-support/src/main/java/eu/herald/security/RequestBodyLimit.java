package eu.herald.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Caps request bodies at {@code herald.security.max-request-body} with 413. A declared body ({@code Content-Length})
 * over the limit is refused before anything reads it, so a large body costs neither parsing nor memory. A body of
 * undeclared length (chunked) is read through a stream that fails once it has given more than the limit; whatever
 * was reading it (an HTTP message converter, mostly) fails with it, and the {@link #refusal() refusal} answers that
 * request with the same 413 before any exception handler of the service can call it a 400 or a 500.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    /** Set on a request whose body went over the limit while it was read. */
    private static final String EXCEEDED = RequestBodyLimit.class.getName() + ".EXCEEDED";

    private final DataSize limit;
    private final Problems problems;

    RequestBodyLimit(DataSize limit, Problems problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            refuse(request, response);
            return;
        }
        // a declared length is enforced by the container: only a body of unknown length needs counting
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new CappedBody(request, limit.toBytes()), response);
        } catch (UncheckedIOException | ServletException e) {
            // a filter read a form's parameters, before any handler could answer
            if (request.getAttribute(EXCEEDED) == null || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response);
        }
    }

    /**
     * Answers 413 for a request whose body went over the limit while a handler's argument was read from it; ordered
     * before the resolver of the services' {@code @ControllerAdvice}, which would take the converter's failure for
     * unreadable JSON.
     */
    HandlerExceptionResolver refusal() {
        return new Refusal();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(
                request,
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit.toKilobytes() + " KB");
    }

    private final class Refusal implements HandlerExceptionResolver, Ordered {

        @Override
        public @Nullable ModelAndView resolveException(
                HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
            if (request.getAttribute(EXCEEDED) == null || response.isCommitted()) {
                return null;
            }
            try {
                response.resetBuffer();
                refuse(request, response);
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            // after Spring Boot's DefaultErrorAttributes (which only records the exception), before everything else
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }

    /**
     * A request whose body stream fails once it has given more than {@code limit} bytes. A form's parameters are read
     * through that stream too: the container would read them from its own, up to its own limit (2 MB in Tomcat).
     */
    private static final class CappedBody extends HttpServletRequestWrapper {

        private static final FormHttpMessageConverter FORMS = new FormHttpMessageConverter();

        private final long limit;
        private @Nullable ServletInputStream body;
        private @Nullable Map<String, String[]> parameters;

        CappedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                parameters = isForm() ? withForm() : super.getParameterMap();
            }
            return parameters;
        }

        private boolean isForm() {
            String type = getContentType();
            return "POST".equals(getMethod())
                    && type != null
                    && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        }

        /**
         * The query's parameters followed by the form's, the form read as Spring's {@code FormContentFilter} reads
         * one. Once the body has been read as a stream, the container gives only the query's.
         */
        private Map<String, String[]> withForm() {
            MultiValueMap<String, String> form;
            try {
                form = FORMS.read(null, new HttpInputMessage() {
                    @Override
                    public InputStream getBody() throws IOException {
                        return getInputStream();
                    }

                    @Override
                    public HttpHeaders getHeaders() {
                        HttpHeaders headers = new HttpHeaders();
                        headers.set(HttpHeaders.CONTENT_TYPE, getContentType());
                        return headers;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, List<String>> merged = new LinkedHashMap<>();
            super.getParameterMap()
                    .forEach((name, values) -> merged.computeIfAbsent(name, key -> new ArrayList<>())
                            .addAll(List.of(values)));
            // a name without "=" has no value for the converter, and the empty one for the container
            form.forEach((name, values) -> values.forEach(value ->
                    merged.computeIfAbsent(name, key -> new ArrayList<>()).add(value == null ? "" : value)));
            Map<String, String[]> all = new LinkedHashMap<>();
            merged.forEach((name, values) -> all.put(name, values.toArray(String[]::new)));
            return Collections.unmodifiableMap(all);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CappedStream(super.getInputStream());
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private final class CappedStream extends ServletInputStream {

            private final ServletInputStream delegate;
            private long read;

            CappedStream(ServletInputStream delegate) {
                this.delegate = delegate;
            }

            @Override
            public int read() throws IOException {
                int b = delegate.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = delegate.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                    setAttribute(EXCEEDED, Boolean.TRUE);
                    throw new IOException("the request body is larger than " + limit + " bytes");
                }
            }

            @Override
            public boolean isFinished() {
                return delegate.isFinished();
            }

            @Override
            public boolean isReady() {
                return delegate.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                delegate.setReadListener(listener);
            }
        }
    }
}
