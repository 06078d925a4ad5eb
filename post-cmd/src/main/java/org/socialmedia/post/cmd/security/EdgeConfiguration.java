package org.socialmedia.post.cmd.security;

import org.socialmedia.post.common.security.ResourceServerEdges;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The resource server's beans shared with post-query: bounded waits for the identity provider and
 * problem details for the URLs the firewall refuses.
 */
@Configuration(proxyBeanMethods = false)
@Import(ResourceServerEdges.class)
class EdgeConfiguration {
}
