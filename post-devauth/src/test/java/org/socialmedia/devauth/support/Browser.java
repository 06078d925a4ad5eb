package org.socialmedia.devauth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a single-page app does with the public client: authorization code with PKCE, through the
 * login form, then the code exchanged for an access token. Cookies are kept, redirects are not
 * followed, so each step can be seen.
 */
public final class Browser {

    public static final String CALLBACK = "http://localhost:5173/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Logs in as the user, asks for the scopes, and returns the access token of the token response. */
    public String accessToken(String user, String password, String scopes) {
        return accessToken(user, password, scopes, CALLBACK);
    }

    /**
     * The same, for the app whose callback is {@code callback}: sent back there, it asks for the
     * token from the callback's origin, as a browser does.
     */
    public String accessToken(String user, String password, String scopes, String callback) {
        URI app = URI.create(callback);
        String origin = app.getScheme() + "://" + app.getAuthority();
        String verifier = base64Url(random32());
        String authorize = base + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "social-web",
                "redirect_uri", callback, "scope", scopes, "state", "s", "code_challenge_method", "S256",
                "code_challenge", base64Url(sha256(verifier))));
        expect(send(get(authorize)), 302);
        String login = send(get(base + "/login")).body();
        String csrf = find(CSRF, login);
        expect(send(post(base + "/login", Map.of("username", user, "password", password, "_csrf", csrf), null)), 302);
        HttpResponse<String> sentBack = expect(send(get(authorize)), 302);
        String location = sentBack.headers().firstValue("Location").orElseThrow();
        if (!location.startsWith(callback)) {
            throw new IllegalStateException("not sent back to the app: " + location);
        }
        HttpResponse<String> token = expect(send(post(base + "/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", find(CODE, location), "redirect_uri", callback, "client_id", "social-web",
                "code_verifier", verifier), origin)), 200);
        return find(ACCESS_TOKEN, token.body());
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest post(String url, Map<String, String> fields, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.build();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not found in " + text);
        }
        return matcher.group(1);
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

    private static byte[] random32() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
