package org.socialmedia.bench;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.socialmedia.devstack.DevTokenClient;
import org.socialmedia.testsupport.api.BearerTokens;

/**
 * The benchmark's users: thousands of distinct names ({@code user-0}, {@code user-1}, ...), each
 * with a bearer token minted by the stack's identity provider before anything is measured, so that
 * no timed phase waits for the provider. A command for a name outside the pool fails loudly
 * rather than minting in the middle of a measurement.
 */
final class BenchUsers implements BearerTokens {

    private final List<String> names;
    private final ConcurrentHashMap<String, String> tokens = new ConcurrentHashMap<>();
    private final String adminToken;

    private BenchUsers(List<String> names, String adminToken) {
        this.names = names;
        this.adminToken = adminToken;
    }

    /** Mints a token for each of {@code count} names, {@code clients} at a time, and the admin's (with its password). */
    static BenchUsers mint(String issuerUrl, int count, int clients) {
        DevTokenClient provider = new DevTokenClient(issuerUrl);
        List<String> names = IntStream.range(0, count).mapToObj(i -> "user-" + i).toList();
        BenchUsers users = new BenchUsers(names, provider.token(DevTokenClient.ADMIN));
        Workers.runCount(clients, count, i -> users.tokens.put(names.get(i), provider.mint(names.get(i))));
        return users;
    }

    /** The i-th user of the pool; past its end, the names come round again. */
    String name(long i) {
        return names.get((int) Math.floorMod(i, (long) names.size()));
    }

    int size() {
        return names.size();
    }

    @Override
    public String forUser(String username) {
        String token = tokens.get(username);
        if (token == null) {
            throw new IllegalStateException(username + " has no token: the benchmark acts only as the users it minted before");
        }
        return token;
    }

    @Override
    public String forAdmin() {
        return adminToken;
    }
}
