package io.snapkeep.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import io.snapkeep.catalog.audit.Audited;
import io.snapkeep.catalog.auth.Role;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.snapkeep.archive.MissingKeyException;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.archive.ArchiveMediaType;
import io.snapkeep.catalog.rest.dto.Problem;
import io.snapkeep.catalog.sealing.ArchiveChains;
import io.snapkeep.catalog.sealing.ExportStream;
import io.snapkeep.catalog.sealing.SealedExports;
import io.snapkeep.catalog.service.Awaits;
import io.snapkeep.catalog.service.CatalogException;
import io.snapkeep.catalog.service.DumpFormat;
import io.snapkeep.catalog.service.SnapshotExports;
import io.snapkeep.catalog.store.ArchiveObjects;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * {@code GET /snapshots/{id}/content}: the archive as pg_dump wrote it, a file stock pg_restore or psql reads, streamed
 * from the store without buffering (a sealed object opened on the way out, {@link SealedExports}). A single byte range ({@code Range: bytes=a-b}, {@code a-}, {@code -n}) answers 206, so a
 * broken download resumes; {@code If-Range} with the ETag (the SHA-256) or the Last-Modified date guards the resume.
 */
@Path("/api/v1/snapshots/{id}/content")
@RolesAllowed(Role.OPERATOR_NAME)
public class SnapshotContentResource {
    private static final Logger LOG = Logger.getLogger(SnapshotContentResource.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int COPY_BUFFER = 64 * 1024;

    private final SnapshotExports exports;
    private final ArchiveObjects objects;
    private final SealedExports sealedExports;

    public SnapshotContentResource(SnapshotExports exports, ArchiveObjects objects, SealedExports sealedExports) {
        this.exports = exports;
        this.objects = objects;
        this.sealedExports = sealedExports;
    }

    @GET
    @Blocking
    @Audited(value = "snapshot.export", target = Audited.Target.SNAPSHOT)
    @Operation(summary = "Download a COMPLETED snapshot's archive; honours a single byte range")
    public Response download(@PathParam("id") UUID id, @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange) {
        SnapshotExports.Export export = Awaits.await(() -> exports.find(id));
        Snapshot snapshot = export.snapshot();
        long size = snapshot.sizeBytes;
        Optional<ByteRange> wanted;
        try {
            wanted = ifRangeHolds(ifRange, snapshot) ? ByteRange.parse(range, size) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(416).type(ProblemMappers.PROBLEM_JSON)
                    .header("Content-Range", "bytes */" + size)
                    .entity(new Problem("about:blank", "Range Not Satisfiable", 416, "The range '" + range
                            + "' lies outside the archive of " + size + " bytes.", null))
                    .build();
        }
        long expected = wanted.map(ByteRange::length).orElse(size);
        ExportStream content = ArchiveChains.of(snapshot) == null ? stored(snapshot, wanted, expected)
                : sealed(snapshot, wanted);
        Response.ResponseBuilder response = headers(wanted.isPresent() ? Response.status(206) : Response.ok(),
                export, expected).entity(copy(content));
        wanted.ifPresent(r -> response.header("Content-Range", r.contentRange(size)));
        return response.build();
    }

    /** A snapshot stored as its archive: the object's bytes as they are. */
    private ExportStream stored(Snapshot snapshot, Optional<ByteRange> wanted, long expected) {
        ResponseInputStream<GetObjectResponse> object = wanted
                .map(r -> objects.read(snapshot.objectKey, r.first(), r.last()))
                .orElseGet(() -> objects.read(snapshot.objectKey, null, null));
        Long stored = object.response().contentLength();
        if (stored == null || stored != expected) {
            object.abort();
            throw new IllegalStateException("the object " + snapshot.objectKey + " of snapshot " + snapshot.id
                    + " holds " + stored + " bytes where " + expected + " were expected");
        }
        return new ExportStream(object, object);
    }

    /** A sealed snapshot: its archive opened from the object, all of it or the chunks that hold the range. */
    private ExportStream sealed(Snapshot snapshot, Optional<ByteRange> wanted) {
        try {
            return wanted.isPresent() ? sealedExports.range(snapshot, wanted.get().first(), wanted.get().last())
                    : sealedExports.whole(snapshot);
        } catch (MissingKeyException e) {
            throw CatalogException.unavailable("Snapshot " + snapshot.id + " cannot be exported: " + e.getMessage()
                    + ". Add that key to the catalog's keyring.");
        } catch (IOException e) {
            throw new IllegalStateException("the object " + snapshot.objectKey + " of snapshot " + snapshot.id
                    + " cannot be opened: " + e.getMessage(), e);
        }
    }

    @HEAD
    @Blocking
    @Operation(summary = "The headers of a snapshot's download: size, type, file name, ETag")
    public Response head(@PathParam("id") UUID id) {
        SnapshotExports.Export export = Awaits.await(() -> exports.find(id));
        return headers(Response.ok(), export, export.snapshot().sizeBytes).build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response, SnapshotExports.Export export,
            long length) {
        Snapshot snapshot = export.snapshot();
        DumpFormat format = DumpFormat.byId(snapshot.format).orElse(DumpFormat.CUSTOM);
        String file = export.instanceName().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + FILE_TIME.format(snapshot.createdAt) + "." + format.extension();
        response.type(ArchiveMediaType.of(format))
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag(snapshot))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(snapshot.sha256)) + ":");
        if (snapshot.completedAt != null) {
            response.lastModified(Date.from(snapshot.completedAt));
        }
        return response;
    }

    private static String etag(Snapshot snapshot) {
        return "\"" + snapshot.sha256 + "\"";
    }

    /** Without If-Range, or when it names this very content (its ETag, or its Last-Modified date). */
    private static boolean ifRangeHolds(String ifRange, Snapshot snapshot) {
        if (ifRange == null || ifRange.isBlank()) {
            return true;
        }
        String condition = ifRange.strip();
        if (condition.startsWith("\"")) {
            return condition.equals(etag(snapshot));
        }
        try {
            return snapshot.completedAt != null && ZonedDateTime.parse(condition, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toEpochSecond() == snapshot.completedAt.getEpochSecond();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Copies the object to the response. A client that goes away ends the copy quietly, without draining the rest of
     * the object; a store that fails mid-way fails the response, so that the connection closes short of its
     * Content-Length and the client knows the download is incomplete.
     */
    private static StreamingOutput copy(ExportStream object) {
        return out -> {
            byte[] buffer = new byte[COPY_BUFFER];
            long sent = 0;
            boolean done = false;
            try {
                int n;
                while ((n = readStore(object, buffer)) >= 0) {
                    try {
                        out.write(buffer, 0, n);
                    } catch (IOException e) {
                        LOG.debugf("a download ended after %d bytes: the client went away (%s)", sent, e.getMessage());
                        return;
                    }
                    sent += n;
                }
                done = true;
            } finally {
                if (done) {
                    object.close();
                } else {
                    object.abort();
                }
            }
        };
    }

    private static int readStore(ExportStream object, byte[] buffer) throws IOException {
        try {
            return object.read(buffer);
        } catch (IOException e) {
            LOG.warnf("reading an archive from the store failed mid-download: %s", e.getMessage());
            throw e;
        }
    }
}
