package org.socialmedia.infra.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * A token issuer for integration tests, in place of an authorization server: it signs tokens for
 * any user and scopes with a key pair of its own, and {@code @Import(TestIssuer.class)} makes the
 * application under test trust exactly those tokens, through a {@link JwtDecoder} bean that checks
 * the signature, the expiry and the issuer as a decoder built from {@code issuer-uri} does.
 *
 * <p>{@link #foreign} signs with another key, for the tests of refused tokens.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestIssuer {

    public static final String ISSUER = "https://issuer.test";
    public static final String ADMIN_SCOPE = "posts.admin";
    private static final Duration LIFETIME = Duration.ofHours(1);
    /** Named in each token's header, so that a decoder fetching {@link #publicJwkSet()} finds the key by it. */
    private static final String KEY_ID = "test-issuer-key";

    private static final KeyPair KEYS = rsaKeyPair();
    private static final JwtEncoder SIGNER = encoder(KEYS);
    private static final JwtEncoder FOREIGN_SIGNER = encoder(rsaKeyPair());

    /** A valid token naming this user (as {@code preferred_username} and {@code sub}) with these scopes. */
    public static String token(String user, String... scopes) {
        return sign(SIGNER, claims(user, scopes).build());
    }

    /** A valid token of the user {@code admin}, with the scope of the administration routes. */
    public static String adminToken() {
        return token("admin", ADMIN_SCOPE);
    }

    /** A token built from a valid one's claims, changed by the test: expired, from another issuer, without a claim. */
    public static String token(String user, UnaryOperator<JwtClaimsSet.Builder> change) {
        return sign(SIGNER, change.apply(claims(user)).build());
    }

    /** A token valid in every claim but signed with a key this issuer does not publish. */
    public static String foreign(String user) {
        return sign(FOREIGN_SIGNER, claims(user).build());
    }

    /**
     * The public key as an issuer publishes it at its {@code jwks_uri}, for a test that lets the
     * service fetch the keys over HTTP as it does from a real issuer.
     */
    public static String publicJwkSet() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID(KEY_ID).algorithm(JWSAlgorithm.RS256).build();
        return new JWKSet(key).toString();
    }

    @Bean
    JwtDecoder testIssuerJwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    private static JwtClaimsSet.Builder claims(String user, String... scopes) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user)
                .claim("preferred_username", user)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME));
        if (scopes.length > 0) {
            claims.claim("scope", String.join(" ", List.of(scopes)));
        }
        return claims;
    }

    private static String sign(JwtEncoder signer, JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return signer.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static JwtEncoder encoder(KeyPair keys) {
        return NimbusJwtEncoder.withKeyPair((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())
                .jwkPostProcessor(key -> key.keyID(KEY_ID))
                .build();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }
}
