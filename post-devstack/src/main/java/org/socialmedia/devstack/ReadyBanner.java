package org.socialmedia.devstack;

import java.util.Locale;
import java.util.stream.Collectors;

/** What the devstack prints once everything is ready: where to go next, and who to be. */
final class ReadyBanner {

    private ReadyBanner() {
    }

    static String of(LocalStack stack, long startMillis) {
        String cmd = stack.commandServiceUrl();
        String query = stack.queryServiceUrl();
        String issuer = stack.issuerUrl();
        String users = DevTokenClient.KNOWN_USERS.stream().filter(user -> !user.equals(DevTokenClient.ADMIN))
                .map(user -> user + "/" + user).collect(Collectors.joining(", "));
        String redirects = String.join("\n                                         ", stack.browserRedirectUris());
        boolean defaultAuthPort = issuer.equals("http://localhost:" + StackPorts.defaults().auth());
        String authPortOption = defaultAuthPort ? "" : " --auth-port=" + issuer.substring(issuer.lastIndexOf(':') + 1);
        return String.format(Locale.ROOT, """

                Ready in %.1f s. Ctrl-C stops everything; the data stays in %s.

                  Social app: %s   (log in as alice/alice, bob/bob, ...)

                  post-cmd    (commands)  %s/api/v1/posts   (a bearer token needed)
                              Swagger UI  %s/swagger-ui.html
                              probes      %s/livez  %s/readyz
                              management  %s/actuator/health  %s/actuator/prometheus
                  post-query  (lookups)   %s/api/v1/posts
                              Swagger UI  %s/swagger-ui.html
                              probes      %s/livez  %s/readyz
                              management  %s/actuator/health  %s/actuator/prometheus

                  Identity provider (OpenID Connect; the issuer both services trust)
                              issuer      %s  (discovery: %s/.well-known/openid-configuration)
                              users       %s  (user/password)
                              admin       admin/admin, the only one granted posts.admin (POST /api/v1/admin/replay)
                              browser app client id %s, authorization code with PKCE (S256), no secret;
                                          redirect URIs %s
                              Swagger UI  "Authorize", then log in as one of the users above

                  Kafka       %s
                  PostgreSQL  %s (user %s)
                  MongoDB     %s (event store: database socialMedia, collection eventStore)
                  logs        %s

                Try it (in another terminal):
                  TOKEN=$(./devstack token alice%s)            (./devstack mint NAME: a token for any other name)
                  curl -si -XPOST %s/api/v1/posts -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"message":"hello"}'
                  curl -s %s/api/v1/posts

                """, startMillis / 1000.0, stack.dataDir(), stack.webAppUrl(),
                cmd, cmd, cmd, cmd, stack.commandServiceManagementUrl(), stack.commandServiceManagementUrl(),
                query, query, query, query, stack.queryServiceManagementUrl(), stack.queryServiceManagementUrl(),
                issuer, issuer, users, stack.browserClientId(), redirects,
                stack.kafkaBootstrapServers(), stack.postgresJdbcUrl(), stack.postgresUsername(),
                stack.mongoConnectionString(), stack.logDir(), authPortOption, cmd, query);
    }
}
