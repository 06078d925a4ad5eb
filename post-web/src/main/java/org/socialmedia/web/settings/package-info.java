/** What the browser app needs to know about its deployment ({@code GET /config.json}). */
@NullMarked
package org.socialmedia.web.settings;

import org.jspecify.annotations.NullMarked;
