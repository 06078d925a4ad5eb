/** The JSON envelope in which post events travel and are stored. */
@NullMarked
package org.socialmedia.post.common.wire;

import org.jspecify.annotations.NullMarked;
