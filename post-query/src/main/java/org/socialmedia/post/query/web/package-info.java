/**
 * What the HTTP edge does for every feature: the problem+json error dialect shared with post-cmd,
 * CORS, and the API description.
 */
@NullMarked
package org.socialmedia.post.query.web;

import org.jspecify.annotations.NullMarked;
