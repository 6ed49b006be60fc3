package io.snapkeep.worker.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;
import io.snapkeep.worker.JobKind;

class JobExecutorTest {
    static final JobKind KIND = new JobKind("test", "reading the test stream failed", "Test bytes",
            "nothing left", "nothing left");

    @Test
    void aJobIsHandedOverOnlyWhenASlotIsFree() {
        JobExecutor executor = new JobExecutor(2, KIND);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseOthers = new CountDownLatch(1);

        CompletableFuture<Void> first = executor.handOver(c -> awaitQuietly(releaseFirst)).toCompletableFuture();
        CompletableFuture<Void> second = executor.handOver(c -> awaitQuietly(releaseOthers)).toCompletableFuture();
        await().atMost(Duration.ofSeconds(5)).until(() -> first.isDone() && second.isDone());
        CompletableFuture<Void> third = executor.handOver(c -> awaitQuietly(releaseOthers)).toCompletableFuture();

        assertFalse(third.isDone(), "both slots are busy");
        releaseFirst.countDown();
        await().atMost(Duration.ofSeconds(5)).until(third::isDone);
        releaseOthers.countDown();
        executor.stop(new ShutdownEvent());
    }

    @Test
    void shutdownCancelsTheRunningJobs() {
        JobExecutor executor = new JobExecutor(1, KIND);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        executor.handOver(c -> {
            c.onCancel(blocked::countDown);
            awaitQuietly(blocked);
            if (c.cancelled()) {
                cancelled.countDown();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> blocked.getCount() == 1);

        executor.stop(new ShutdownEvent());

        assertTrue(awaitQuietly(cancelled));
        assertTrue(executor.handOver(c -> {
        }).toCompletableFuture().isCompletedExceptionally(), "no job is taken after shutdown");
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return latch.getCount() == 0;
        }
    }
}
