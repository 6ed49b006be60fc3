package io.snapkeep.policy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which snapshots one rule keeps. */
final class RuleKeep {
    private RuleKeep() {
    }

    /**
     * The snapshots {@code rule} keeps among {@code newestFirst}, each with its position: its rank for keep-last, else
     * the rank of its bucket among the buckets that have a snapshot (0 = the newest bucket).
     */
    static Map<String, Integer> kept(Rule rule, List<SnapshotFacts> newestFirst, ZoneId zone) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        if (rule.period() == null) {
            for (int i = 0; i < Math.min(rule.count(), newestFirst.size()); i++) {
                kept.put(newestFirst.get(i).id(), i);
            }
            return kept;
        }
        LocalDateTime last = null;
        for (SnapshotFacts snapshot : newestFirst) {
            LocalDateTime bucket = rule.period().bucketOf(snapshot.completedAt(), zone);
            if (!bucket.equals(last)) {
                if (kept.size() == rule.count()) {
                    break;
                }
                last = bucket;
                kept.put(snapshot.id(), kept.size());
            }
        }
        return kept;
    }
}
