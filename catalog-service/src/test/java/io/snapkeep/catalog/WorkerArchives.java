package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;
import io.snapkeep.messages.ArchiveChecksum;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * What a dump-worker's claim leaves in the real store (an archive of the reported size and its checksum object) and
 * the SUCCEEDED event that names it, as the catalog checks it before it completes a snapshot.
 */
final class WorkerArchives {
    static final String WORKER = "test-worker";

    private WorkerArchives() {
    }

    /** The SUCCEEDED of attempt 1 by the test worker's claim-less events, its archive stored as reported. */
    static String succeeded(String jobId, long bytes, String sha256) {
        return succeeded(WORKER, null, jobId, 1, bytes, sha256);
    }

    static String succeeded(String workerId, String claimId, String jobId, int attempt, long bytes, String sha256) {
        String key = store(keyOf(jobId, attempt, claimId), bytes, sha256);
        return SnapshotApiTest.event(workerId, claimId, jobId, attempt, "SUCCEEDED", bytes, sha256, null, key);
    }

    /** The key a claim of the job's attempt writes, under its snapshot's prefix. */
    static String keyOf(String jobId, int attempt, String claimId) {
        var job = asAdmin().get("/api/v1/jobs/" + jobId).then().statusCode(200).extract();
        return "snapshots/" + job.path("instanceId") + "/" + job.path("snapshotId") + "/attempt-" + attempt + "-"
                + (claimId == null ? "test" : claimId) + ".dump";
    }

    /** Stores {@code bytes} bytes at {@code key} and a checksum object naming {@code sha256} beside it. */
    static String store(String key, long bytes, String sha256) {
        s3().putObject(b -> b.bucket(bucket()).key(key), RequestBody.fromBytes(new byte[Math.toIntExact(bytes)]));
        s3().putObject(b -> b.bucket(bucket()).key(ArchiveChecksum.keyOf(key)),
                RequestBody.fromString(ArchiveChecksum.line(key, sha256)));
        return key;
    }

    static boolean exists(String key) {
        try {
            s3().headObject(b -> b.bucket(bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private static S3Client s3() {
        return Arc.container().instance(S3Client.class).get();
    }

    private static String bucket() {
        return ConfigProvider.getConfig().getValue("snapkeep.store.bucket", String.class);
    }
}
