/** The event store port and the repository that loads and saves aggregates through it. */
@NullMarked
package org.socialmedia.cqrs.eventstore;

import org.jspecify.annotations.NullMarked;
