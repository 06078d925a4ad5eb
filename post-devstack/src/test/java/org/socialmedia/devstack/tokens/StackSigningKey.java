package org.socialmedia.devstack.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import org.socialmedia.devstack.LocalStack;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.socialmedia.testsupport.api.Http;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * Tokens the stack's identity provider would never issue, signed with its own key (read from the
 * key file it keeps in the data folder, as whoever stole that key would): expired, or naming a
 * user no provider should. Only their one defect can make a service refuse them. Also unsigned
 * ({@code alg: none}) copies of valid claims.
 */
public final class StackSigningKey {

    private final JwtEncoder encoder;
    private final String issuer;
    private final String keyId;

    public StackSigningKey(LocalStack stack) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(stack.signingKeyFile(), StandardCharsets.UTF_8));
            this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
            this.keyId = key.getKeyID();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack's signing key", e);
        } catch (ParseException e) {
            throw new IllegalStateException("the stack's signing key is no JSON Web Key", e);
        }
        this.issuer = stack.issuerUrl();
    }

    /** Claims as the provider writes them for this user, changed by the test, signed with the provider's key. */
    public String sign(String user, UnaryOperator<JwtClaimsSet.Builder> change) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        return encoder.encode(JwtEncoderParameters.from(header, change.apply(claims(user)).build())).getTokenValue();
    }

    /** A token for the user as the provider signs it, but expired an hour ago. */
    public String expired(String user) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(user, claims -> claims.issuedAt(past).notBefore(past).expiresAt(past.plus(Duration.ofHours(1))));
    }

    /** Valid claims for the user, with {@code alg: none} and no signature: what a forger sends. */
    public String unsigned(String user) {
        Instant now = Instant.now();
        String claims = Http.object("iss", issuer, "sub", user, "preferred_username", user, "scope", "profile")
                .replace("}", ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plusSeconds(3600).getEpochSecond() + "}");
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(claims) + ".";
    }

    private JwtClaimsSet.Builder claims(String user) {
        Instant now = Instant.now();
        return JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user)
                .audience(List.of("social-web"))
                .claim("preferred_username", user)
                .claim("scope", List.of("profile"))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(Duration.ofHours(1)));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
