/** The Post events and their stable names. */
@NullMarked
package org.socialmedia.post.common.event;

import org.jspecify.annotations.NullMarked;
