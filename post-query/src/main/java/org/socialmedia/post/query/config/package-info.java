/** Settings under app.* and the wiring of Kafka, the projection monitor, the lookups, CORS and OpenAPI, one configuration per concern. */
@NullMarked
package org.socialmedia.post.query.config;

import org.jspecify.annotations.NullMarked;
