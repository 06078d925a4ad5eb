package org.socialmedia.devauth.users;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of a development stack: four authors and an admin, each with their name as password.
 * The passwords are stored in clear ({@code {noop}}) on purpose: they are printed in the
 * devstack's banner anyway, and nothing here is meant to protect anything.
 */
@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

    /** Authors without any special right; the services know them only by {@code preferred_username}. */
    static final List<String> AUTHORS = List.of("alice", "bob", "carol", "dave");

    /** The only user who may hold {@link AdminScope#NAME}. */
    static final String ADMIN = "admin";

    @Bean
    UserDetailsService users() {
        List<UserDetails> users = new ArrayList<>();
        for (String author : AUTHORS) {
            users.add(User.withUsername(author).password("{noop}" + author).roles("USER").build());
        }
        users.add(User.withUsername(ADMIN).password("{noop}" + ADMIN).roles("USER", AdminScope.ADMIN_ROLE).build());
        return new InMemoryUserDetailsManager(users);
    }
}
