package org.socialmedia.cqrs.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DispatchersTest {

    sealed interface GreetingCommand {
    }

    record SayHello(String name) implements GreetingCommand, Command<String> {
    }

    /** A sub-family: its members belong to the family too. */
    sealed interface Farewell extends GreetingCommand {
    }

    record SayBye(String name) implements Farewell, Command<String> {
    }

    sealed interface GreetingQuery {
    }

    record CountGreetings() implements GreetingQuery, Query<Integer> {
    }

    static CommandHandler<SayHello, String> hello() {
        return handler(SayHello.class, command -> "hello " + command.name());
    }

    static CommandHandler<SayBye, String> bye() {
        return handler(SayBye.class, command -> "bye " + command.name());
    }

    static <C extends Command<String>> CommandHandler<C, String> handler(Class<C> type, java.util.function.Function<C, String> body) {
        return new CommandHandler<>() {
            @Override
            public Class<C> commandType() {
                return type;
            }

            @Override
            public String handle(C command) {
                return body.apply(command);
            }
        };
    }

    @Nested
    class Commands {

        @Test
        void routesEachCommandToItsHandler() {
            var dispatcher = new CommandDispatcher(GreetingCommand.class, List.of(hello(), bye()));

            assertThat(dispatcher.dispatch(new SayHello("ann"))).isEqualTo("hello ann");
            assertThat(dispatcher.dispatch(new SayBye("bob"))).isEqualTo("bye bob");
        }

        @Test
        void twoHandlersForOneCommandFailAtConstruction() {
            assertThatThrownBy(() -> new CommandDispatcher(GreetingCommand.class, List.of(hello(), bye(), hello())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("two handlers for")
                    .hasMessageContaining("SayHello");
        }

        @Test
        void aCommandWithoutHandlerFailsAtConstruction() {
            assertThatThrownBy(() -> new CommandDispatcher(GreetingCommand.class, List.of(hello())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no handler for SayBye");
        }

        @Test
        void theFamilyMustBeSealedSoThatEveryCommandIsKnown() {
            assertThatThrownBy(() -> new CommandDispatcher(Runnable.class, List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Queries {

        @Test
        void routesTheQueryToItsHandler() {
            QueryHandler<CountGreetings, Integer> count = new QueryHandler<>() {
                @Override
                public Class<CountGreetings> queryType() {
                    return CountGreetings.class;
                }

                @Override
                public Integer handle(CountGreetings query) {
                    return 42;
                }
            };
            var dispatcher = new QueryDispatcher(GreetingQuery.class, List.of(count));

            assertThat(dispatcher.dispatch(new CountGreetings())).isEqualTo(42);
        }

        @Test
        void aQueryWithoutHandlerFailsAtConstruction() {
            assertThatThrownBy(() -> new QueryDispatcher(GreetingQuery.class, List.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no handler for CountGreetings");
        }
    }
}
