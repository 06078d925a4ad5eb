package org.socialmedia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.Http;

/**
 * HTTP/1.1 for the load, with blocking I/O: the client thread that sends a request reads its own
 * answer from a pooled keep-alive connection, as wrk's connections do. The JDK's client, which
 * the tests use, hands every answer from its one selector thread to a pool thread and then to the
 * caller. On two cores shared with the services, those hand-overs waited for the cores and came
 * out as the services' latency. Nothing is added to the requests: no compression, no cookies, no
 * redirects followed, no retries.
 */
final class BlockingTransport implements Http.Transport, AutoCloseable {

    private static final Timeout TIMEOUT = Timeout.ofSeconds(30);

    private final CloseableHttpClient client;

    BlockingTransport(int connections) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(TIMEOUT).build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
    }

    @Override
    public Answer exchange(String method, URI uri, String contentType, byte[] body, Map<String, String> headers, String described)
            throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        headers.forEach(request::addHeader);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, contentType == null ? null : ContentType.parse(contentType)));
        }
        return client.execute(request, response -> answer(described, response));
    }

    private static Answer answer(String described, ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        String body = response.getEntity() == null ? "" : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
        return new Answer(described, response.getCode(), HttpHeaders.of(headers, (name, value) -> true), body);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
