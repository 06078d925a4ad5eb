package org.socialmedia.devstack.tokens;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.socialmedia.devstack.DevTokenClient;
import org.socialmedia.devstack.LocalStack;
import org.socialmedia.testsupport.api.BearerTokens;

/**
 * The tokens of a running stack's identity provider, got the way a user gets them: a known user
 * (alice, bob, carol, dave, admin) logs in with their password at {@code /dev/token}; any other
 * name the tests act as is minted. Each user's token is fetched once and kept: the provider is
 * asked once per user, not once per request.
 */
public final class StackTokens implements BearerTokens {

    private final DevTokenClient provider;
    private final Map<String, String> byUser = new ConcurrentHashMap<>();

    public StackTokens(LocalStack stack) {
        this.provider = stack.tokens();
    }

    @Override
    public String forUser(String username) {
        return byUser.computeIfAbsent(username,
                user -> DevTokenClient.KNOWN_USERS.contains(user) ? provider.token(user) : provider.mint(user));
    }

    @Override
    public String forAdmin() {
        return forUser(DevTokenClient.ADMIN);
    }
}
