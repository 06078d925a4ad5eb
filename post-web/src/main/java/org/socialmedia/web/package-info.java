/**
 * The social app in the browser: a backend-for-frontend. Features: {@code login} (OAuth 2.0
 * login, logout, who is signed in), {@code commands} (commands relayed to post-cmd with the
 * user's token), {@code settings} (what the browser app needs to know), {@code problems}
 * (RFC 9457 answers for what the filters refuse).
 */
@NullMarked
package org.socialmedia.web;

import org.jspecify.annotations.NullMarked;
