package io.snapkeep.worker.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;
import io.snapkeep.messages.JobControl;
import io.snapkeep.messages.JobMessage;
import io.snapkeep.worker.JobKind;

class JobExecutorTest {
    static final JobKind KIND = new JobKind("test", "reading the test stream failed", "Test bytes",
            "nothing left", "nothing left");

    @Test
    void aJobIsHandedOverOnlyWhenASlotIsFree() {
        JobExecutor executor = new JobExecutor(2, KIND);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseOthers = new CountDownLatch(1);

        CompletableFuture<Void> first = executor.handOver(job("job-1"), c -> awaitQuietly(releaseFirst))
                .toCompletableFuture();
        CompletableFuture<Void> second = executor.handOver(job("job-2"), c -> awaitQuietly(releaseOthers))
                .toCompletableFuture();
        await().atMost(Duration.ofSeconds(5)).until(() -> first.isDone() && second.isDone());
        CompletableFuture<Void> third = executor.handOver(job("job-3"), c -> awaitQuietly(releaseOthers))
                .toCompletableFuture();

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
        executor.handOver(job("job-4"), c -> {
            c.onCancel(blocked::countDown);
            awaitQuietly(blocked);
            if (c.cancelled()) {
                cancelled.countDown();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> blocked.getCount() == 1);

        executor.stop(new ShutdownEvent());

        assertTrue(awaitQuietly(cancelled));
        assertTrue(executor.handOver(job("job-5"), c -> {
        }).toCompletableFuture().isCompletedExceptionally(), "no job is taken after shutdown");
    }

    @Test
    void aCancelCommandStopsTheJobItNamesOnly() {
        JobExecutor executor = new JobExecutor(2, KIND);
        CountDownLatch blocked = new CountDownLatch(1);
        CompletableFuture<String> cancelledBy = new CompletableFuture<>();
        CountDownLatch other = new CountDownLatch(1);
        executor.handOver(job("running"), c -> {
            c.onCancel(blocked::countDown);
            awaitQuietly(blocked);
            cancelledBy.complete(c.cancelledBy());
        });
        executor.handOver(job("other"), c -> awaitQuietly(other));
        await().atMost(Duration.ofSeconds(5)).until(() -> blocked.getCount() == 1);

        assertEquals(RunningJobs.CancelOutcome.NOT_RUNNING_HERE,
                executor.cancel(JobControl.cancel("running", 2, "token:ops")), "another attempt is not stopped");
        assertEquals(RunningJobs.CancelOutcome.CANCELLED, executor.cancel(JobControl.cancel("running", 1, "token:ops")));

        assertEquals("token:ops", cancelledBy.join());
        other.countDown();
        executor.stop(new ShutdownEvent());
    }

    @Test
    void aCancelThatOvertookItsJobStopsItAsItStarts() {
        JobExecutor executor = new JobExecutor(1, KIND);
        executor.cancel(JobControl.cancel("late", 1, "alice"));
        CompletableFuture<String> cancelledBy = new CompletableFuture<>();

        executor.handOver(job("late"), c -> cancelledBy.complete(c.cancelledBy()));

        assertEquals("alice", cancelledBy.join());
        executor.stop(new ShutdownEvent());
    }

    @Test
    void aJobPastItsPointOfNoReturnRefusesTheCancel() {
        JobExecutor executor = new JobExecutor(1, KIND);
        CountDownLatch swapping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
        executor.handOver(job("swap"), c -> {
            c.passPointOfNoReturn();
            swapping.countDown();
            awaitQuietly(release);
            cancelled.complete(c.cancelled());
        });
        awaitQuietly(swapping);

        assertEquals(RunningJobs.CancelOutcome.REFUSED, executor.cancel(JobControl.cancel("swap", 1, "alice")));

        release.countDown();
        assertFalse(cancelled.join());
        executor.stop(new ShutdownEvent());
    }

    private static JobMessage job(String id) {
        return JobControl.cancel(id, 1, null);
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
