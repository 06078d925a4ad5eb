/** Commands, queries, their handlers, and dispatchers that route them by type. */
@NullMarked
package org.socialmedia.cqrs.dispatch;

import org.jspecify.annotations.NullMarked;
