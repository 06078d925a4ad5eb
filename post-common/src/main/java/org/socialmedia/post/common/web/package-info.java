/**
 * What both services' HTTP APIs agree on: the shape of a problem, of a validation error and of a
 * request to try again later, and the browser origins allowed to call them.
 */
@NullMarked
package org.socialmedia.post.common.web;

import org.jspecify.annotations.NullMarked;
