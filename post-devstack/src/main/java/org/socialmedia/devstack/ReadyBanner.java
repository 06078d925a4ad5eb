package org.socialmedia.devstack;

import java.util.Locale;

/** What the devstack prints once everything is ready: where to go next. */
final class ReadyBanner {

    private ReadyBanner() {
    }

    static String of(LocalStack stack, long startMillis) {
        String cmd = stack.commandServiceUrl();
        String query = stack.queryServiceUrl();
        return String.format(Locale.ROOT, """

                Ready in %.1f s. Ctrl-C stops everything; the data stays in %s.

                  post-cmd    (commands)  %s/api/v1/posts
                              Swagger UI  %s/swagger-ui.html
                              health      %s/actuator/health
                  post-query  (lookups)   %s/api/v1/posts
                              Swagger UI  %s/swagger-ui.html
                              health      %s/actuator/health

                  Kafka       %s
                  PostgreSQL  %s (user %s)
                  MongoDB     %s (event store: database socialMedia, collection eventStore)
                  logs        %s

                Try it:
                  curl -si -XPOST %s/api/v1/posts -H 'Content-Type: application/json' -d '{"author":"alice","message":"hello"}'
                  curl -s %s/api/v1/posts

                """, startMillis / 1000.0, stack.dataDir(),
                cmd, cmd, cmd, query, query, query,
                stack.kafkaBootstrapServers(), stack.postgresJdbcUrl(), stack.postgresUsername(),
                stack.mongoConnectionString(), stack.logDir(), cmd, query);
    }
}
