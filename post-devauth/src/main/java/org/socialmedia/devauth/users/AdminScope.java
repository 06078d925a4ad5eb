package org.socialmedia.devauth.users;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;

/**
 * The scope of the admin endpoints, and who may hold it. A client may ask for any scope it is
 * registered with, and without a consent screen Spring Authorization Server grants all of them;
 * so the scope is taken out again here unless the user is an admin.
 */
public final class AdminScope {

    /** The scope the services require on {@code POST /api/v1/admin/**}. */
    public static final String NAME = "posts.admin";

    static final String ADMIN_ROLE = "ADMIN";

    private AdminScope() {
    }

    /** The requested scopes this user may have, in the order asked. */
    public static Set<String> grantable(Collection<String> requested,
                                        Collection<? extends GrantedAuthority> authorities) {
        Set<String> granted = new LinkedHashSet<>(requested);
        if (!isAdmin(authorities)) {
            granted.remove(NAME);
        }
        return granted;
    }

    static boolean isAdmin(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().anyMatch(authority -> ("ROLE_" + ADMIN_ROLE).equals(authority.getAuthority()));
    }
}
