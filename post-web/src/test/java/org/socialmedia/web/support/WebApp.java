package org.socialmedia.web.support;

import java.util.HashMap;
import java.util.Map;

import org.socialmedia.infra.test.PostgresService;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.web.WebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One post-web instance, started as a deployment starts it: its own port, the identity provider
 * as its issuer, the test PostgreSQL for its sessions, post-cmd wherever the test says.
 */
public final class WebApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String url;

    private WebApp(ConfigurableApplicationContext context, String url) {
        this.context = context;
        this.url = url;
    }

    public static WebApp start(int port, IdentityProvider provider, String commandUrl, Map<String, String> extra) {
        PostgresService postgres = TestInfrastructure.postgres();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("spring.security.oauth2.client.provider.social.issuer-uri", provider.issuer());
        properties.put("spring.datasource.url", postgres.jdbcUrl());
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("app.web.command-url", commandUrl);
        properties.put("app.web.query-url", "http://query.test:8082");
        properties.putAll(extra);
        // As command-line arguments: default properties would lose to application.yml.
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class).run(arguments);
        return new WebApp(context, "http://localhost:" + port);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        context.close();
    }
}
