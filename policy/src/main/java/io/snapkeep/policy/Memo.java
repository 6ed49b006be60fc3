package io.snapkeep.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small least-recently-used cache of a pure function; safe for concurrent use. */
final class Memo<K, V> {
    private final Map<K, V> entries;
    private final Function<K, V> function;

    Memo(int capacity, Function<K, V> function) {
        this.function = function;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key) {
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        V value = function.apply(key);
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
