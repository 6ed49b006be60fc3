package io.snapkeep.policy;

/**
 * One keep rule: the newest {@code count} snapshots when {@code period} is null, else the newest snapshot of each of
 * the last {@code count} periods that have one.
 */
record Rule(String name, Period period, int count) {

    /** How a kept snapshot is shown: {@code daily 3 of 7}. */
    String label(int position) {
        return name + " " + (position + 1) + " of " + count;
    }
}
