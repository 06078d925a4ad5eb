package org.socialmedia.post.common.security;

/** The scope that both services require on their administration routes ({@code /api/v1/admin/**}). */
public final class AdminScope {

    /** As an authorization server grants it, in the token's {@code scope} claim. */
    public static final String NAME = "posts.admin";

    /** As Spring Security's JWT converter turns the claim into an authority. */
    public static final String AUTHORITY = "SCOPE_" + NAME;

    private AdminScope() {
    }
}
