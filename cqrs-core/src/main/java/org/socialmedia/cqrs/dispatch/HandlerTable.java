package org.socialmedia.cqrs.dispatch;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Message type to handler, built and checked once: a message type with two handlers or with none
 * fails the start-up instead of the first request that needs it.
 */
final class HandlerTable<H> {

    private final Map<Class<?>, H> handlers;

    HandlerTable(Class<?> messageFamily, Collection<? extends H> candidates, Function<H, Class<?>> typeOfHandler) {
        this.handlers = index(candidates, typeOfHandler);
        requireEveryTypeHandled(messageFamily);
    }

    H handlerFor(Class<?> messageType) {
        H handler = handlers.get(messageType);
        if (handler == null) {
            throw new IllegalArgumentException("no handler for " + messageType.getName());
        }
        return handler;
    }

    private Map<Class<?>, H> index(Collection<? extends H> candidates, Function<H, Class<?>> typeOfHandler) {
        Map<Class<?>, H> byType = new HashMap<>();
        for (H handler : candidates) {
            Class<?> type = typeOfHandler.apply(handler);
            H previous = byType.putIfAbsent(type, handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + type.getName() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return Map.copyOf(byType);
    }

    /** The family's concrete message types, looking through nested sealed sub-families. */
    private static Stream<Class<?>> concreteMembers(Class<?> family) {
        return Arrays.stream(family.getPermittedSubclasses())
                .flatMap(member -> member.isSealed() && (member.isInterface() || Modifier.isAbstract(member.getModifiers()))
                        ? concreteMembers(member)
                        : Stream.of(member));
    }

    /**
     * The family is a sealed interface whose permitted subclasses are every message the
     * application knows; each of them needs exactly one handler, and no handler may serve a
     * type outside the family.
     */
    private void requireEveryTypeHandled(Class<?> messageFamily) {
        if (!messageFamily.isSealed()) {
            throw new IllegalArgumentException(messageFamily.getName() + " must be a sealed interface listing every message");
        }
        List<Class<?>> declared = concreteMembers(messageFamily).toList();
        String unhandled = declared.stream()
                .filter(type -> !handlers.containsKey(type))
                .map(Class::getSimpleName)
                .sorted()
                .collect(Collectors.joining(", "));
        if (!unhandled.isEmpty()) {
            throw new IllegalStateException("no handler for " + unhandled);
        }
        String foreign = handlers.keySet().stream()
                .filter(type -> !declared.contains(type))
                .map(Class::getName)
                .sorted()
                .collect(Collectors.joining(", "));
        if (!foreign.isEmpty()) {
            throw new IllegalStateException("handlers for types outside " + messageFamily.getSimpleName() + ": " + foreign);
        }
    }
}
