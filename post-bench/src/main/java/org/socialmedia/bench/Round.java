package org.socialmedia.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one round, by the names they have in result.json. */
final class Round {

    private final Map<String, Double> figures = new LinkedHashMap<>();

    void put(String name, double value) {
        figures.put(name, value);
    }

    Map<String, Double> figures() {
        return figures;
    }
}
