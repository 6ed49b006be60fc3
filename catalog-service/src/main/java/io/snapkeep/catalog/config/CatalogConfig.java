package io.snapkeep.catalog.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the catalog-service, under the prefix {@code snapkeep}. */
@ConfigMapping(prefix = "snapkeep")
public interface CatalogConfig {

    Store store();

    Crypto crypto();

    Archive archive();

    Messages messages();

    Jobs jobs();

    Outbox outbox();

    Restore restore();

    Scheduler scheduler();

    Upload upload();

    Auth auth();
    Instances instances();

    Sweep sweep();

    /** The sweeps of what crashes and failures leave behind in the store and on the database servers. */
    interface Sweep {
        /**
         * How often the store is swept for incomplete multipart uploads and for objects of snapshots that were never
         * recorded or have ended ({@code off} turns both sweeps off).
         */
        @WithDefault("30m")
        String interval();

        /**
         * Age after which an incomplete multipart upload under {@code snapshots/} is aborted, unless a queued or running
         * job still writes its snapshot. It must exceed the longest upload through {@code POST /snapshots/upload}.
         */
        @WithDefault("6h")
        Duration multipartAge();

        /**
         * Age after which the objects under {@code snapshots/<instance>/<snapshot>/} of a snapshot without a row, or of
         * one DELETED or FAILED, are removed; younger ones may belong to an upload whose row is not written yet.
         */
        @WithDefault("1h")
        Duration orphanGrace();

        /** How often FAILED CLEANUP jobs are looked for and retried ({@code off} turns the retries off). */
        @WithDefault("1m")
        String cleanupRetryInterval();

        /** Wait before the first retry of a FAILED CLEANUP job; it doubles with each retry, up to the max back-off. */
        @WithDefault("1m")
        Duration cleanupBackoff();

        /** Longest wait between two retries of a CLEANUP job. */
        @WithDefault("1h")
        Duration cleanupMaxBackoff();

        /**
         * Retries of a FAILED CLEANUP job; after the last one fails its databases are left for an operator (logged
         * at ERROR, and the job stays FAILED with its error).
         */
        @WithDefault("6")
        int cleanupRetries();
    }

    interface Instances {
        /**
         * Networks (CIDR, comma-separated) the instances' hosts must resolve into, every address of them; others are
         * refused at registration with 400. The workers check the same key before each job. Default: any address.
         */
        @WithDefault("0.0.0.0/0,::/0")
        List<String> allowedNetworks();
    }

    interface Store {
        /** Bucket holding the snapshot archives; created at start when missing. */
        @WithDefault("snapkeep")
        String bucket();

        /**
         * Longest time one call of the catalog to the store (listing and deleting a snapshot's objects) may take,
         * retries included; a DELETE answers 503 when the store does not answer within it.
         */
        @WithDefault("30s")
        Duration callTimeout();

        /** Longest time the readiness probe waits for the store before it reports it DOWN. */
        @WithDefault("5s")
        Duration probeTimeout();

        /** How often the objects of snapshots left DELETING (the store failed meanwhile) are removed again. */
        @WithDefault("1m")
        String deletionRetryInterval();
    }

    /** How archives are sealed at rest (the workers have the same keys under the same names). Never logged. */
    interface Archive {
        /**
         * The archive keyring: {@code id:base64} entries, comma-separated, each 32 random bytes (env
         * {@code SNAPKEEP_ARCHIVE_KEYS}). No default: the prod profile refuses to start without a key here or in
         * {@link #keysFile()}; the workers need the same keyring.
         */
        Optional<String> keys();

        /** A file of {@code id:base64} lines read at start, beside {@link #keys()} (e.g. a mounted secret). */
        Optional<Path> keysFile();

        /** The key id that wraps the data keys of new archives (uploads, and re-wraps); older ids keep opening theirs. */
        @WithDefault("k1")
        String activeKey();

        /** {@code zstd} or {@code none}: how an uploaded archive's segments are compressed before encryption. */
        @WithDefault("zstd")
        String codec();

        /** The zstd level (1-19) for uploads. */
        @WithDefault("1")
        int level();

        /** Threads that compress an upload's segments side by side. */
        @WithDefault("2")
        int threads();

        /** Archive bytes per segment of an uploaded archive. */
        @WithDefault("256K")
        MemorySize segmentSize();
    }

    interface Crypto {
        /**
         * Base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}) sealing instance passwords with AES-GCM.
         * No default: the prod profile refuses to start without it; the workers need the same key.
         */
        Optional<String> key();
    }

    /** The keys that sign the messages the catalog publishes and verify the job events it reads (HMAC-SHA256). */
    interface Messages {
        /**
         * Base64 of at least 32 random bytes (e.g. {@code openssl rand -base64 32}) signing every outbox message and
         * verifying job events. No default: the catalog refuses to start without it; the workers need the same key.
         */
        Optional<String> signingKey();

        /** Id of {@link #signingKey()}, sent with every signature in the {@code snapkeep-key-id} header. */
        @WithDefault("k1")
        String signingKeyId();

        /**
         * Older keys still accepted when verifying job events, by key id ({@code snapkeep.messages.verify-keys.<id>}),
         * for a rotation. Default: none.
         */
        Map<String, String> verifyKeys();

        /**
         * First wait before a consumed job event or snapshot request that failed (database unreachable, connection
         * closed, timeout, conflict) is applied again; each further wait doubles, up to {@link #retryMaxDelay()}.
         */
        @WithDefault("200ms")
        Duration retryFirstDelay();

        /** Longest wait between two tries of a consumed message; it is tried without end, holding its partition. */
        @WithDefault("10s")
        Duration retryMaxDelay();
    }

    interface Jobs {
        /** How long a worker's claim holds without a heartbeat before the job is dispatched again. */
        @WithDefault("30s")
        Duration leaseDuration();

        /** How many times a job is dispatched in all before it is FAILED for lost workers. */
        @WithDefault("3")
        int maxAttempts();

        /**
         * How long a job may stay QUEUED without a worker claiming it (a malformed message skipped, a worker that died
         * before its claim, Kafka down) before it is dispatched again, as the next attempt; after
         * {@link #maxAttempts()} dispatches it is FAILED and its instance is free again.
         */
        @WithDefault("10m")
        Duration queueTimeout();

        /** How often expired leases and queue timeouts are looked for. */
        @WithDefault("5s")
        String leaseCheckInterval();
    }

    interface Outbox {
        /** How often the relay publishes pending outbox rows to Kafka. */
        @WithDefault("200ms")
        String pollInterval();

        /** Rows published per relay pass. */
        @WithDefault("50")
        int batchSize();
    }

    interface Restore {
        /** How long an in-place restore keeps the target's previous contents (as a renamed database) for rollback. */
        @WithDefault("24h")
        Duration keepPreviousFor();

        /** How often previous copies past their grace period are looked for and dropped. */
        @WithDefault("1m")
        String cleanupInterval();
    }

    /** How schedules run; set these as for the scheduler-service (the same keys), so both date slots alike. */
    interface Scheduler {
        /** Time zone of cron schedules and of retention's hour/day/week/month buckets. */
        @WithDefault("UTC")
        ZoneId zone();

        /** Window over which instances' slot offsets are spread; used to date the expiry of scheduled snapshots. */
        @WithDefault("10m")
        Duration spread();
    }

    interface Upload {
        /**
         * Largest archive {@code POST /snapshots/upload} takes (e.g. {@code 200G}); a larger one is refused with 413,
         * before its body is read when its Content-Length says so. Set it to what your archives need; raise
         * {@code max-part-size} too for uploads past about 500 GB.
         */
        @WithDefault("1T")
        MemorySize maxSize();

        /** First part size of the multipart upload to the store (at least 5M); doubles every 1000 parts. */
        @WithDefault("8M")
        MemorySize partSize();

        /**
         * Cap of the part size. An upload holds at most two parts in memory; 10,000 parts of the growing sizes bound the
         * largest upload (8M doubling up to 64M: about 500 GB).
         */
        @WithDefault("64M")
        MemorySize maxPartSize();

        /** Uploads running at once; one more is refused with 503 until one ends. Heap needed: 2 parts per upload. */
        @WithDefault("2")
        int maxConcurrent();

        /**
         * How an uploaded custom or tar archive is checked while it streams in. {@code structure}: custom archives by a
         * walk of their header, table of contents and every data block's framing to the exact end, without inflating
         * (archive versions 1.12 to 1.16; others go to pg_restore), tar archives by a walk of the tar structure; it
         * catches truncation anywhere and trailing bytes. {@code pg-restore}: besides, both are read through
         * {@code pg_restore --file=/dev/null}, which inflates every block and so also catches corrupt compressed data,
         * at about one core's worth of CPU for the length of the upload.
         */
        @WithDefault("structure")
        Check check();

        /** The choices of {@link #check()}. */
        enum Check {
            STRUCTURE, PG_RESTORE
        }

        /**
         * The {@code pg_restore} that reads uploaded custom and tar archives through to check them when {@link #check()}
         * is {@code pg-restore}, and custom archives of versions the structure walk does not read. No default: the
         * newest of {@code /usr/lib/postgresql/N/bin} and {@code /usr/pgsql-N/bin}, else the one on the PATH. It must
         * be at least as new as the {@code pg_dump} that made the archives.
         */
        Optional<String> pgRestore();
    }

    interface Auth {
        /**
         * An admin API token ({@code snk_} and at least 43 base64url characters) registered when the catalog starts
         * with no admin user or token (env {@code SNAPKEEP_AUTH_BOOTSTRAP_TOKEN}). No default: without it and without
         * an admin the catalog refuses to start when {@link #requireAdmin()} is on.
         */
        Optional<String> bootstrapToken();

        /**
         * The scheduler-service's API token (env {@code SNAPKEEP_AUTH_SCHEDULER_TOKEN}): kept registered as the
         * operator token named {@code scheduler}, replaced when it changes. No default: no scheduler token.
         */
        Optional<String> schedulerToken();

        /** Whether the catalog refuses to start with no admin and no bootstrap token (off in dev and tests). */
        @WithDefault("true")
        boolean requireAdmin();

        /** How long a web console session lasts after its login. */
        @WithDefault("12h")
        Duration sessionLifetime();

        /** bcrypt cost (log2 of its rounds) of new password hashes; 12 takes about 0.25 s a hash here. */
        @WithDefault("12")
        int bcryptCost();

        /** A token's or session's last-used time is written at most this often, so a busy script costs no writes. */
        @WithDefault("1m")
        Duration lastUsedResolution();

        /** Failed logins throttled per user name and per client address. */
        Throttle throttle();

        interface Throttle {
            /** Failed logins of one user name within {@link #window()} after which its logins are refused (429). */
            @WithDefault("5")
            int perUser();

            /** Failed logins from one client address within {@link #window()} after which it is refused (429). */
            @WithDefault("20")
            int perClient();

            /** How far back failures count, and how long a throttled user or address waits. */
            @WithDefault("15m")
            Duration window();
        }
    }
}
