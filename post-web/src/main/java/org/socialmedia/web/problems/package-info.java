/** RFC 9457 problem details for what the filters refuse before any controller runs. */
@NullMarked
package org.socialmedia.web.problems;

import org.jspecify.annotations.NullMarked;
