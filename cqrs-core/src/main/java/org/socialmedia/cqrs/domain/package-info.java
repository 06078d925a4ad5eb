/** Aggregate base and the refusals a domain can answer with. */
@NullMarked
package org.socialmedia.cqrs.domain;

import org.jspecify.annotations.NullMarked;
