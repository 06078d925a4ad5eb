/** The known users of the development stack, with their passwords and roles. */
@NullMarked
package org.socialmedia.devauth.users;

import org.jspecify.annotations.NullMarked;
