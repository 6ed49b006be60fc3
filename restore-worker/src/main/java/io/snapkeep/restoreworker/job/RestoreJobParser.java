package io.snapkeep.restoreworker.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.DatabaseNames;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.messages.RestoreOptions;
import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.config.RestoreWorkerConfig;
import io.snapkeep.restoreworker.pg.ArchiveFormat;
import io.snapkeep.worker.job.JobJson;

/**
 * Reads a {@code RestoreJob} from its JSON and checks it has what its mode needs, and that it never asks to drop the
 * target, the copy it keeps, or a database the server needs. Its errors ({@link RestoreFailure}) name what is wrong
 * but never quote the message, which holds a sealed password.
 */
@ApplicationScoped
public class RestoreJobParser {
    static final int VERSION = 1;
    static final int MAX_PARALLEL_JOBS = 64;
    private static final Set<RestoreMode> WITH_SIDE = Set.of(RestoreMode.IN_PLACE, RestoreMode.NEW_DATABASE,
            RestoreMode.VERIFY);

    private final ObjectMapper mapper;
    private final Set<String> protectedDatabases;

    @Inject
    RestoreJobParser(ObjectMapper mapper, RestoreWorkerConfig config) {
        this(mapper, config.restore().maintenanceDatabase());
    }

    RestoreJobParser(ObjectMapper mapper, String maintenanceDatabase) {
        this.mapper = mapper;
        this.protectedDatabases = new HashSet<>(List.of(maintenanceDatabase, "postgres", "template0", "template1"));
    }

    public RestoreJob parse(String json) {
        RestoreJob job = JobJson.read(mapper, json, RestoreJob.class, RestoreFailure::new);
        if (job.v() != VERSION) {
            throw new RestoreFailure("unsupported message version " + job.v() + ", expected " + VERSION);
        }
        require(job.jobId(), "jobId");
        require(job.instanceId(), "instanceId");
        if (job.mode() == null) {
            throw new RestoreFailure("job " + job.jobId() + " has no mode");
        }
        ConnectionSpec target = job.target();
        if (target == null) {
            throw new RestoreFailure("job " + job.jobId() + " has no target connection");
        }
        require(target.host(), "target.host");
        require(target.username(), "target.username");
        if (target.port() <= 0 || target.port() > 65535) {
            throw new RestoreFailure("job " + job.jobId() + " has no valid target.port");
        }
        databaseName(target.database(), "target.database");
        if (job.mode() != RestoreMode.DROP_DATABASES) {
            requireArchive(job);
        }
        if (WITH_SIDE.contains(job.mode())) {
            distinct(databaseName(job.sideDatabase(), "sideDatabase"), target.database(), "sideDatabase");
        }
        if (job.mode() == RestoreMode.IN_PLACE) {
            distinct(databaseName(job.previousDatabase(), "previousDatabase"), target.database(), "previousDatabase");
            distinct(job.previousDatabase(), job.sideDatabase(), "previousDatabase");
        }
        checkDrops(job);
        return new RestoreJob(job.v(), job.jobId(), job.snapshotId(), job.instanceId(), job.attempt(), job.mode(),
                job.objectKey(), job.format(), job.sha256(), job.sizeBytes(), job.sourceServerVersion(), target,
                options(job.options()), job.sideDatabase(), job.previousDatabase(), job.dropDatabases(),
                job.targetAllowConnections(), job.chain());
    }

    private static void requireArchive(RestoreJob job) {
        require(job.objectKey(), "objectKey");
        ArchiveFormat.parse(job.format());
        String sha256 = job.sha256();
        if (sha256 == null || sha256.length() != 64 || !isHex(sha256)) {
            throw new RestoreFailure("job " + job.jobId() + " has no valid sha256 (64 hex digits)");
        }
        if (job.sizeBytes() < 0) {
            throw new RestoreFailure("job " + job.jobId() + " has a negative sizeBytes");
        }
    }

    private void checkDrops(RestoreJob job) {
        List<String> forbidden = new ArrayList<>(protectedDatabases);
        forbidden.add(job.target().database());
        if (job.previousDatabase() != null) {
            forbidden.add(databaseName(job.previousDatabase(), "previousDatabase"));
        }
        for (String name : job.dropDatabases()) {
            databaseName(name, "dropDatabases");
            if (forbidden.contains(name)) {
                throw new RestoreFailure("job " + job.jobId() + " asks to drop database " + name
                        + ", which a restore never drops (the target, the copy it keeps, or a system database)");
            }
        }
    }

    private static RestoreOptions options(RestoreOptions options) {
        if (options.parallelJobs() > MAX_PARALLEL_JOBS) {
            throw new RestoreFailure("options.parallelJobs must be at most " + MAX_PARALLEL_JOBS);
        }
        return new RestoreOptions(options.keepOwners(), Math.max(1, options.parallelJobs()),
                options.untrustedArchive(), options.allowSuperuser());
    }

    private static String databaseName(String name, String field) {
        require(name, field);
        if (!DatabaseNames.fits(name)) {
            throw new RestoreFailure(field + " is not a valid database name (at most " + DatabaseNames.MAX_BYTES
                    + " bytes, no NUL)");
        }
        return name;
    }

    private static void distinct(String name, String other, String field) {
        if (name.equals(other)) {
            throw new RestoreFailure(field + " must differ from the target database and the other names of the job");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RestoreFailure("missing " + field);
        }
    }

    private static boolean isHex(String text) {
        try {
            HexFormat.of().parseHex(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
