package org.socialmedia.infra.test;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The switch of {@link TestInfrastructure} as Spring conditions, so that a configuration declares
 * containers in one mode and the embedded servers in the other.
 */
final class InfrastructureMode {

    private InfrastructureMode() {
    }

    static final class Docker implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestInfrastructure.usesDocker();
        }
    }

    static final class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !TestInfrastructure.usesDocker();
        }
    }
}
