/** The app's commands, relayed to post-cmd with the logged-in user's access token. */
@NullMarked
package org.socialmedia.web.commands;

import org.jspecify.annotations.NullMarked;
