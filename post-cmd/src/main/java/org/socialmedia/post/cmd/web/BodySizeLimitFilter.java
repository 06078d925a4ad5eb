package org.socialmedia.post.cmd.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body larger than the limit with 413 before anything parses it. A declared
 * {@code Content-Length} is checked up front; a body sent without one (chunked) is counted while
 * it is read and cut off as soon as it passes the limit, so that no request makes the service
 * read, buffer or parse more than the limit.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;
    private final HandlerExceptionResolver problems;

    /** @param problems Spring MVC's resolver, which leads to the same problem details as every other error */
    BodySizeLimitFilter(DataSize limit, HandlerExceptionResolver problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            problems.resolveException(request, response, null, new BodyTooLargeException(limit));
            return;
        }
        // A declared length within the limit is all the server will read, so only undeclared ones need counting.
        chain.doFilter(declared < 0 ? new CountedBodyRequest(request) : request, response);
    }

    private final class CountedBodyRequest extends HttpServletRequestWrapper {

        private @Nullable CountedBody body;

        CountedBodyRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CountedBody(super.getInputStream());
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Throws {@link BodyTooLargeException} from the read that passes the limit, which answers 413 as any error response does. */
    private final class CountedBody extends ServletInputStream {

        private final ServletInputStream body;
        private long count;

        CountedBody(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        private void counted(int n) {
            count += n;
            if (count > limit.toBytes()) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
