package io.snapkeep.restoreworker.restore;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * What a restore tells of its course besides its bytes: the archive's size once the store described it, and each phase
 * it enters ({@code downloading}, {@code restoring}, {@code checking}; {@code swapping} comes with the swap itself).
 */
public record RestorePhases(LongConsumer expected, Consumer<String> entered) {

    void expect(long archiveSize) {
        expected.accept(archiveSize);
    }

    void enter(String phase) {
        entered.accept(phase);
    }
}
