package io.snapkeep.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a policy keeps, grandfather-father-son: the newest {@code keepLast} snapshots, and the newest one of each of
 * the last {@code hourly} hours, {@code daily} days, {@code weekly} ISO weeks and {@code monthly} months that have one.
 * Each rule counts on its own; a snapshot is kept when any rule keeps it. Periods without a snapshot are not counted,
 * so a run of failed or missed snapshots never makes an older good one fall out.
 */
public record KeepCounts(int keepLast, int hourly, int daily, int weekly, int monthly) {
    /** The largest count taken, per rule. */
    public static final int MAX = 10_000;

    public KeepCounts {
        check("keepLast", keepLast);
        check("hourly", hourly);
        check("daily", daily);
        check("weekly", weekly);
        check("monthly", monthly);
    }

    public static KeepCounts last(int n) {
        return new KeepCounts(n, 0, 0, 0, 0);
    }

    /** True when every count is 0. */
    public boolean keepsNothing() {
        return rules().isEmpty();
    }

    /** For example {@code keep-last 3, hourly 24, daily 7}. */
    public String describe() {
        return String.join(", ", rules().stream().map(r -> r.name() + " " + r.count()).toList());
    }

    /** The rules with a count above 0. */
    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        add(rules, "keep-last", null, keepLast);
        add(rules, "hourly", Period.HOUR, hourly);
        add(rules, "daily", Period.DAY, daily);
        add(rules, "weekly", Period.WEEK, weekly);
        add(rules, "monthly", Period.MONTH, monthly);
        return rules;
    }

    private static void add(List<Rule> rules, String name, Period period, int count) {
        if (count > 0) {
            rules.add(new Rule(name, period, count));
        }
    }

    private static void check(String field, int count) {
        if (count < 0 || count > MAX) {
            throw new PolicyException(field, field + " is " + count + ": give a count from 0 to " + MAX + ".");
        }
    }
}
