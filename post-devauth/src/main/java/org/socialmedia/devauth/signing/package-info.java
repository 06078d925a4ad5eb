/** The key that signs every token: in memory, or kept in a file so that tokens outlive a restart. */
@NullMarked
package org.socialmedia.devauth.signing;

import org.jspecify.annotations.NullMarked;
