/** The questions the read model answers, as queries routed through the query dispatcher, and their answers. */
@NullMarked
package org.socialmedia.post.query.lookup;

import org.jspecify.annotations.NullMarked;
