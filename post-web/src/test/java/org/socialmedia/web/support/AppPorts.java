package org.socialmedia.web.support;

import java.util.List;

/**
 * The ports of the app instances the tests start, chosen once per test JVM: the identity provider
 * must know each app's redirect URI before any app starts.
 */
public final class AppPorts {

    public static final int RELAY = Ports.free();
    public static final int FIRST = Ports.free();
    public static final int SECOND = Ports.free();
    public static final int SPLIT = Ports.free();
    public static final int WRONG_ISSUER = Ports.free();
    static final List<Integer> ALL = List.of(RELAY, FIRST, SECOND, SPLIT, WRONG_ISSUER);

    private AppPorts() {
    }
}
