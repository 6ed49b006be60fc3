package io.snapkeep.catalog.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.service.CatalogException;

/**
 * Counts failed logins per user name and per client address over a sliding window; past the limit, logins of that
 * name or from that address are refused with 429 until the oldest failure leaves the window. Kept in memory, bounded
 * by forgetting what left the window: each catalog replica throttles on its own.
 */
@ApplicationScoped
public class LoginThrottle {
    /** Past this many names and addresses, those whose failures all left the window are forgotten. */
    static final int MAX_KEYS = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final CatalogConfig.Auth.Throttle config;

    public LoginThrottle(Clock clock, CatalogConfig config) {
        this.clock = clock;
        this.config = config.auth().throttle();
    }

    /** @throws CatalogException 429 when the user name or the address has failed too often lately */
    public void admit(String username, String client) {
        Instant now = clock.instant();
        long wait = Math.max(waitSeconds(userKey(username), config.perUser(), now),
                waitSeconds(clientKey(client), config.perClient(), now));
        if (wait > 0) {
            throw CatalogException.tooManyRequests("Too many failed logins for this user or from this address: try"
                    + " again in " + wait + " s.");
        }
    }

    public void failed(String username, String client) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            forgetOlderThanWindow(now);
        }
        record(userKey(username), now);
        record(clientKey(client), now);
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private long waitSeconds(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, times.peekFirst().plus(config.window())).toSeconds());
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void forgetOlderThanWindow(Instant now) {
        failures.values().removeIf(times -> {
            synchronized (times) {
                prune(times, now);
                return times.isEmpty();
            }
        });
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(config.window());
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.removeFirst();
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
