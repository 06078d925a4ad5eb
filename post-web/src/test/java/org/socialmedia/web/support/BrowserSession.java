package org.socialmedia.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the browser does with the app: cookies kept (its session, the CSRF token, the identity
 * provider's session), redirects not followed, so each step is seen. Cookies are per host, not
 * per port, as in a browser.
 */
public final class BrowserSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * The login as the app's "Log in" button starts it: to the provider, its login form, back to
     * the app with the code; the app then sends the browser to its start page.
     */
    public HttpResponse<String> logIn(String appUrl, String user, String password) {
        HttpResponse<String> toProvider = expect(get(appUrl + "/oauth2/authorization/social"), 302);
        String authorize = location(toProvider);
        expect(send(HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").GET().build()), 302);
        String provider = URI.create(authorize).resolve("/").toString();
        String form = expect(get(provider + "login"), 200).body();
        Matcher csrf = CSRF_FIELD.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field in the login form: " + form);
        }
        HttpResponse<String> loggedIn = expect(send(HttpRequest.newBuilder(URI.create(provider + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "_csrf", csrf.group(1))))).build()), 302);
        HttpResponse<String> toApp = expect(send(HttpRequest.newBuilder(URI.create(location(loggedIn)))
                .header("Accept", "text/html").GET().build()), 302);
        return get(location(toApp));
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** A change as the app's scripts send it: with the CSRF token from its cookie in X-XSRF-TOKEN. */
    public HttpResponse<String> send(String method, String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> sendWithCsrf(String method, String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("X-XSRF-TOKEN", csrfToken());
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The CSRF cookie's value; the app sets it on {@code /config.json} and {@code /me}. */
    public String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
    }

    public boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().anyMatch(cookie -> cookie.getName().equals(name));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(response.uri() + " answered without Location"))).toString();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
