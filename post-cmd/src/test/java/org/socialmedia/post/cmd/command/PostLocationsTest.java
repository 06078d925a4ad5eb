package org.socialmedia.post.cmd.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PostLocationsTest {

    private static final UUID POST = UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60");

    private static CommandProperties bound(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("app.commands", CommandProperties.class);
    }

    @Test
    void aPostIsWhereTheLookupsOfALocalStackServeIt() {
        PostLocations locations = new PostLocations(bound(Map.of()).lookupsBaseUrl());

        assertThat(locations.post(POST)).isEqualTo(URI.create("http://localhost:8082/api/v1/posts/" + POST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://social.example/query", "https://social.example/query/"})
    void aPostIsWhereTheDeploymentServesTheLookups(String baseUrl) {
        PostLocations locations = new PostLocations(bound(Map.of("app.commands.lookups-base-url", baseUrl)).lookupsBaseUrl());

        assertThat(locations.post(POST)).isEqualTo(URI.create("https://social.example/query/api/v1/posts/" + POST));
    }
}
