package org.socialmedia.devstack.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.devstack.LocalStack;
import org.socialmedia.devstack.StackSettings;
import org.socialmedia.devstack.tokens.StackTokens;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.LookupApi;

import static org.awaitility.Awaitility.await;

/**
 * Both services and their identity provider on real infrastructure, started once per test run and
 * shared by every end-to-end test: starting them costs seconds, a test milliseconds. Tests receive
 * {@link CommandApi} (each command sent with the token of the user it names, from the stack's
 * provider), {@link LookupApi}, {@link StackTokens} or the {@link LocalStack} as constructor parameters. The stack lives in the
 * root context's store, so JUnit closes it when the run ends.
 *
 * <p>The stack runs on free ports, so a devstack may run at the same time, and starts from an
 * empty {@code target/e2e-stack}, which is kept afterwards: after a failure, the services' logs
 * are in {@code target/e2e-stack/logs}.
 */
public final class RunningPair implements ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(RunningPair.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningPair.class);
    private static final Path DATA_DIR = Path.of("target", "e2e-stack");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CommandApi.class || type == LookupApi.class || type == LocalStack.class || type == StackTokens.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStack stack = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(LocalStack.class, key -> startConnectedPair(), LocalStack.class);
        StackTokens tokens = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StackTokens.class, key -> new StackTokens(stack), StackTokens.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == CommandApi.class) {
            return new CommandApi(stack.commandServiceUrl(), tokens);
        }
        if (type == StackTokens.class) {
            return tokens;
        }
        if (type == LookupApi.class) {
            return new LookupApi(stack.queryServiceUrl());
        }
        return stack;
    }

    private static LocalStack startConnectedPair() {
        long begin = System.nanoTime();
        // Rate limits off: the session and the concurrent likes are not about them (an unknown property is ignored).
        LocalStack stack = LocalStack.start(StackSettings.onFreePorts(DATA_DIR)
                .withEnvironment(Map.of("APP_SECURITY_RATE_LIMIT_ENABLED", "false")), LOG::info);
        try {
            awaitEventsFlowing(stack);
        } catch (RuntimeException | AssertionError e) {
            stack.close();
            throw e;
        }
        LOG.info("post-cmd on {}, post-query on {}, ready and connected in {} ms; logs in {}", stack.commandServiceUrl(),
                stack.queryServiceUrl(), (System.nanoTime() - begin) / 1_000_000, stack.logDir());
        return stack;
    }

    /**
     * Ready services are not yet a connected pair: post-query's consumer joins its group a
     * moment later. One post that reaches the read model shows the whole path works, so that
     * no test's first lookup pays for the group join.
     */
    private static void awaitEventsFlowing(LocalStack stack) {
        UUID post = new CommandApi(stack.commandServiceUrl(), new StackTokens(stack)).createPost("warm-up", "the pair is connected").id();
        LookupApi lookups = new LookupApi(stack.queryServiceUrl());
        await("the first event in the read model").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> lookups.post(post).status() == 200);
    }
}
