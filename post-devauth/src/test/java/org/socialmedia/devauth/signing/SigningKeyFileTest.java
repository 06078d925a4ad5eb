package org.socialmedia.devauth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.RSAKey;

class SigningKeyFileTest {

    @TempDir
    Path temp;

    @Test
    void theFirstStartWritesAKeyThatLaterStartsReadBack() throws Exception {
        Path file = temp.resolve("auth").resolve("signing-key.json");

        RSAKey first = SigningKeyFile.loadOrCreate(file);
        RSAKey again = SigningKeyFile.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(first.isPrivate()).isTrue();
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void withoutAFileEachKeyIsNew() {
        assertThat(SigningKeyFile.generate().getKeyID()).isNotEqualTo(SigningKeyFile.generate().getKeyID());
    }

    @Test
    void aFileThatIsNoKeyIsNamedAndLeftAlone() throws IOException {
        Path file = Files.writeString(temp.resolve("signing-key.json"), "not a key");

        assertThatIllegalStateException().isThrownBy(() -> SigningKeyFile.loadOrCreate(file))
                .withMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("not a key");
    }

    @Test
    void aPublicKeyAloneCannotSign() throws IOException {
        Path file = Files.writeString(temp.resolve("signing-key.json"), SigningKeyFile.generate().toPublicJWK().toJSONString());

        assertThatIllegalStateException().isThrownBy(() -> SigningKeyFile.loadOrCreate(file))
                .withMessageContaining("public key only");
    }
}
