package org.socialmedia.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The devstack command: the whole system on this machine, with nothing installed but a JDK,
 * until Ctrl-C. See {@link DevStackOptions#USAGE}.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (TokenCommand.isOne(args)) {
            System.exit(TokenCommand.run(List.of(args), System::getenv, System.out, System.err));
        }
        Path repositoryRoot;
        DevStackOptions options;
        try {
            repositoryRoot = RepositoryRoot.find(Path.of(""));
            options = DevStackOptions.parse(List.of(args), System::getenv, repositoryRoot);
        } catch (IllegalArgumentException | IllegalStateException e) {
            exit(2, e.getMessage() + "\n\n" + DevStackOptions.USAGE);
            return;
        }
        if (options.help()) {
            System.out.print(DevStackOptions.USAGE);
            return;
        }
        try {
            PortCheck.requireFree(options.ports());
        } catch (PortInUseException e) {
            exit(1, e.getMessage());
            return;
        }
        InfrastructureLogs.sendTo(options.dataDir().resolve("logs"));

        long started = System.nanoTime();
        StackSettings settings = new StackSettings(repositoryRoot, options.dataDir(), options.ports(), options.fresh(),
                StackSettings.QUICK_START_JVM_OPTIONS, Map.of(), true);
        LocalStack stack;
        try {
            stack = LocalStack.start(settings, DevStack::say);
        } catch (RuntimeException e) {
            exit(1, "The devstack did not start: " + e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping the services and the infrastructure...");
            stack.close();
            say("Stopped. The data stays in " + settings.dataDir() + " for the next start.");
            stopped.countDown();
        }, "devstack-shutdown"));
        System.out.print(ReadyBanner.of(stack, (System.nanoTime() - started) / 1_000_000));
        stopped.await();
    }

    private static void say(String line) {
        System.out.println("[devstack] " + line);
    }

    private static void exit(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
