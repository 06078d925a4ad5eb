/** The names of the topics the two services share. */
@NullMarked
package org.socialmedia.post.common.topic;

import org.jspecify.annotations.NullMarked;
