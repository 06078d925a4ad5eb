package org.socialmedia.post.query.lookup;

import java.io.StringWriter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Writes each post's JSON once per assembled post instead of once per response.
 *
 * <p>The lookups hand out the same {@link PostDetails} instance for as long as the post stays at
 * its version (the assembled-posts cache), and the most read posts are also the ones with the most
 * comments. So the JSON of an instance is kept beside it, weakly: it lives exactly as long as the
 * lookups keep the instance, needs no invalidation, and a response copies it as raw bytes.
 */
class RenderedPostsModule extends SimpleModule {

    RenderedPostsModule() {
        super("rendered-posts");
        setSerializerModifier(new ValueSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier description,
                                                       ValueSerializer<?> serializer) {
                return description.getBeanClass() == PostDetails.class
                        ? new RenderedOnce((ValueSerializer<Object>) serializer)
                        : serializer;
            }
        });
    }

    private static final class RenderedOnce extends ValueSerializer<PostDetails> {

        private final ValueSerializer<Object> standard;
        private final Cache<PostDetails, SerializableString> rendered;

        RenderedOnce(ValueSerializer<Object> standard) {
            this(standard, Caffeine.newBuilder().weakKeys().build());
        }

        private RenderedOnce(ValueSerializer<Object> standard, Cache<PostDetails, SerializableString> rendered) {
            this.standard = standard;
            this.rendered = rendered;
        }

        @Override
        public void resolve(SerializationContext context) {
            standard.resolve(context);
        }

        @Override
        @SuppressWarnings("unchecked")
        public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
            ValueSerializer<?> contextual = standard.createContextual(context, property);
            return contextual == standard ? this : new RenderedOnce((ValueSerializer<Object>) contextual, rendered);
        }

        @Override
        public void serialize(PostDetails post, JsonGenerator generator, SerializationContext context) {
            generator.writeRawValue(rendered.get(post, fresh -> render(fresh, context)));
        }

        private SerializableString render(PostDetails post, SerializationContext context) {
            StringWriter json = new StringWriter();
            try (JsonGenerator generator = context.createGenerator(json)) {
                standard.serialize(post, generator, context);
            }
            return new SerializedString(json.toString());
        }
    }
}
