package org.socialmedia.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider that a test can take down, for a service that fetches its keys over HTTP
 * as from a real one: on one port of its own, it is {@link #up()} (OIDC discovery at
 * {@code /.well-known/openid-configuration} and {@link TestIssuer}'s public key at {@code /jwks}),
 * {@link #down()} (nothing listens: a connection is refused at once), or {@link #unresponsive()}
 * (connections are taken and never answered, as behind a stalled proxy or a dropped route).
 *
 * <p>Tokens for it come from {@link #token(String)}: {@link TestIssuer}'s tokens naming this issuer.
 */
public final class IssuerStandIn implements AutoCloseable {

    private final int port;
    private HttpServer server;
    private ServerSocket stall;

    private IssuerStandIn(int port) {
        this.port = port;
    }

    /** A stand-in on a port that was free a moment ago, down until {@link #up()}. */
    public static IssuerStandIn onFreePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new IssuerStandIn(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The issuer's identifier, as {@code issuer-uri}, in its discovery document and in its tokens' {@code iss}. */
    public String issuer() {
        return "http://localhost:" + port;
    }

    /** Where it publishes its keys, as {@code jwk-set-uri}. */
    public String jwkSetUri() {
        return issuer() + "/jwks";
    }

    /** A valid token of this issuer for the user. */
    public String token(String user) {
        return TestIssuer.token(user, claims -> claims.issuer(issuer()));
    }

    /** A valid token of this issuer for the user {@code admin}, with the scope of the administration routes. */
    public String adminToken() {
        return TestIssuer.token("admin", claims -> claims.issuer(issuer()).claim("scope", TestIssuer.ADMIN_SCOPE));
    }

    /** Answers discovery and the key set. */
    public synchronized IssuerStandIn up() {
        down();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer":"%s","jwks_uri":"%s","subject_types_supported":["public"],\
                "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer(), jwkSetUri())));
        server.createContext("/jwks", exchange -> json(exchange, TestIssuer.publicJwkSet()));
        server.start();
        return this;
    }

    /** Nothing listens on the port any more. */
    public synchronized IssuerStandIn down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (stall != null) {
            try {
                stall.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stall = null;
        }
        return this;
    }

    /**
     * The port takes connections (the system completes them into the backlog) and nobody reads a
     * request or writes an answer: a client waits until its own time-out.
     */
    public synchronized IssuerStandIn unresponsive() {
        down();
        try {
            stall = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
        return this;
    }

    @Override
    public void close() {
        down();
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
