package org.socialmedia.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code ./devstack token alice} and {@code ./devstack mint NAME}: a bearer token from the running
 * devstack, alone on standard output, so that {@code TOKEN=$(./devstack token alice)} works; what
 * went wrong goes to standard error, with a status that is not 0.
 */
final class TokenCommand {

    static final String TOKEN = "token";
    static final String MINT = "mint";

    private TokenCommand() {
    }

    static boolean isOne(String[] args) {
        return args.length > 0 && (args[0].equals(TOKEN) || args[0].equals(MINT));
    }

    /** @return the exit status: 0 with a token printed, 1 when none was given, 2 for a wrong command line */
    static int run(List<String> args, Function<String, String> environment, PrintStream out, PrintStream err) {
        String command = args.get(0);
        List<String> names = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                names.add(arg);
            } else {
                options.add(arg);
                if (!arg.contains("=") && !arg.equals("--help") && i + 1 < args.size()) {
                    options.add(args.get(++i));
                }
            }
        }
        DevStackOptions parsed;
        try {
            parsed = DevStackOptions.parse(options, environment, Path.of(""));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + DevStackOptions.USAGE);
            return 2;
        }
        if (parsed.help() || names.size() != 1) {
            err.print("Usage: ./devstack " + command + (command.equals(TOKEN) ? " USER" : " NAME") + " [--auth-port=PORT]\n\n"
                    + DevStackOptions.USAGE);
            return 2;
        }
        DevTokenClient tokens = new DevTokenClient("http://localhost:" + parsed.ports().auth());
        try {
            out.println(command.equals(TOKEN) ? tokens.token(names.get(0)) : tokens.mint(names.get(0)));
            return 0;
        } catch (DevTokenClient.TokenRefusedException | DevTokenClient.ProviderUnreachableException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
