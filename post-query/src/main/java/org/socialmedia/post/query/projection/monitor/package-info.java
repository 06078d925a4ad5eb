/**
 * Watches the projection from beside it, on threads of its own: how many records wait and for how
 * long, how many events are parked, and whether a partition has stopped moving. This is what makes
 * a stalled or lagging read side visible in the metrics and in readiness.
 */
@NullMarked
package org.socialmedia.post.query.projection.monitor;

import org.jspecify.annotations.NullMarked;
