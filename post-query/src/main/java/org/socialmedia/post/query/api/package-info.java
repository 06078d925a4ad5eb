/** The HTTP edge of the lookups: routes, request validation and the problem+json error mapping. */
@NullMarked
package org.socialmedia.post.query.api;

import org.jspecify.annotations.NullMarked;
