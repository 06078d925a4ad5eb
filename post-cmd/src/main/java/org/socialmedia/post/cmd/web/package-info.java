/**
 * What every feature's HTTP edge shares: the problem details of a refusal, CORS, the OpenAPI
 * description, and how much one request may make the service read.
 */
@NullMarked
package org.socialmedia.post.cmd.web;

import org.jspecify.annotations.NullMarked;
