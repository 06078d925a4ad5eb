/** The Post aggregate, its commands and rules. No framework types live here. */
@NullMarked
package org.socialmedia.post.cmd.domain;

import org.jspecify.annotations.NullMarked;
