package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.snapkeep.catalog.OutboxMessage;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.messaging.MessageSignatures;
import io.snapkeep.catalog.repository.OutboxRepository;
import io.vertx.core.Vertx;

/**
 * Publishes outbox rows to Kafka in id order and marks each one published once Kafka acknowledged it. When Kafka
 * is down the pass stops at the first failure, keeps what was acknowledged, and the next pass carries on: a job
 * written while Kafka is down is dispatched once it is back. Passes run every {@code snapkeep.outbox.poll-interval}
 * and, through {@link #publishSoon()}, right after an API call queued a job. Every row goes out signed
 * ({@link MessageSignatures}: headers {@code snapkeep-key-id} and {@code snapkeep-signature}).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> kafka;
    private final CatalogConfig config;
    private final MessageSignatures signatures;
    private final Vertx vertx;
    /** A pass of this replica is running. */
    private final AtomicBoolean passing = new AtomicBoolean();
    /** A pass was asked for since the running one began. */
    private final AtomicBoolean wanted = new AtomicBoolean();

    public OutboxRelay(OutboxRepository outbox, @Channel("outbox") MutinyEmitter<String> kafka,
            CatalogConfig config, MessageSignatures signatures, Vertx vertx) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.config = config;
        this.signatures = signatures;
        this.vertx = vertx;
    }

    /**
     * Starts a pass now, on a context of its own, instead of at the next tick: for a caller whose transaction queued a
     * message and committed, so that it leaves at once. Passes of this replica run one at a time; a call that comes
     * while one runs makes another run right after it, so no row waits for the next tick because of a pass that
     * started before it was committed. A pass that finds the relay lock held by another replica publishes nothing and
     * the next tick takes the row.
     */
    public void publishSoon() {
        wanted.set(true);
        if (passing.compareAndSet(false, true)) {
            FreshContext.run(vertx, this::pass);
        }
    }

    @Scheduled(every = "${snapkeep.outbox.poll-interval:200ms}")
    void tick() {
        publishSoon();
    }

    private void pass() {
        wanted.set(false);
        publishPending().onFailure().invoke(e -> LOG.warnf("outbox relay pass failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .subscribe().with(published -> {
                    passing.set(false);
                    if (wanted.get()) {
                        publishSoon();
                    }
                });
    }

    /** @return how many rows this pass published */
    @WithTransaction
    public Uni<Integer> publishPending() {
        return outbox.tryRelayLock().chain(locked -> locked
                ? outbox.oldestPending(config.outbox().batchSize()).chain(rows -> publishInOrder(rows, 0))
                : Uni.createFrom().item(0));
    }

    private Uni<Integer> publishInOrder(List<OutboxMessage> rows, int index) {
        if (index == rows.size()) {
            return Uni.createFrom().item(index);
        }
        OutboxMessage row = rows.get(index);
        return send(row)
                .invoke(() -> row.publishedAt = Instant.now())
                .chain(() -> publishInOrder(rows, index + 1))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Kafka did not take outbox row %d for %s (%s); %d row(s) wait for the next pass",
                            row.id, row.topic, e.toString(), rows.size() - index);
                    return index;
                });
    }

    private Uni<Void> send(OutboxMessage row) {
        return kafka.sendMessage(Message.of(row.payload)
                .addMetadata(signatures.signed(row.topic, row.messageKey, row.payload)));
    }
}
