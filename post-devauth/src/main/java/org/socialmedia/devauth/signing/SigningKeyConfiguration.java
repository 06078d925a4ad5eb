package org.socialmedia.devauth.signing;

import java.nio.file.Path;

import org.socialmedia.devauth.DevAuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The one key of the authorization server and of the dev tokens (Spring Boot's own random key
 * backs off for this bean). With {@code app.devauth.key-file} it is kept in that file; without,
 * it is new at each start and tokens do not outlive the process.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    @Bean
    JWKSource<SecurityContext> jwkSource(DevAuthProperties devAuth) {
        Path keyFile = devAuth.keyFile();
        RSAKey key = keyFile == null ? SigningKeyFile.generate() : SigningKeyFile.loadOrCreate(keyFile);
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
