package io.snapkeep.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import io.snapkeep.catalog.audit.Audited;
import io.snapkeep.catalog.auth.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.mapping.Views;
import io.snapkeep.catalog.service.CatalogException;
import io.snapkeep.catalog.service.UploadService;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /snapshots/upload}: an existing pg_dump archive becomes a COMPLETED snapshot (origin UPLOADED). The body
 * is the file itself (any Content-Type but multipart, so {@code curl -T} and {@code --data-binary @file} work) or a
 * multipart form with a {@code file} part; either way it streams to the store, never held whole. The 10 MB body limit
 * does not apply here ({@link UploadBodyLimit}); {@code snapkeep.upload.max-size} does.
 */
@Path(UploadBodyLimit.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OPERATOR_NAME)
public class SnapshotUploadResource {
    /** How much of a refused body is still read, so the client sees the answer rather than a reset connection. */
    static final long SWALLOW_LIMIT = 16L << 20;

    private final UploadService uploads;

    public SnapshotUploadResource(UploadService uploads) {
        this.uploads = uploads;
    }

    @POST
    @Blocking
    @Audited(value = "snapshot.upload", target = Audited.Target.SNAPSHOT)
    @Operation(summary = "Upload a pg_dump archive (custom, tar or plain SQL) as the raw body")
    public Response upload(@QueryParam("instanceId") String instanceId, @QueryParam("name") String name,
            InputStream body, HttpServerRequest request) {
        Body counted = new Body(body);
        try {
            Instance instance = uploads.admit(instanceId, name);
            return created(uploads.upload(instance, name, counted));
        } catch (RuntimeException e) {
            settle(counted, request);
            throw e;
        }
    }

    /** The same as POST, for {@code curl -T file URL}, which sends PUT. */
    @PUT
    @Blocking
    @Audited(value = "snapshot.upload", target = Audited.Target.SNAPSHOT)
    @Operation(summary = "Upload a pg_dump archive as the raw body (the same as POST, for curl -T)")
    public Response uploadPut(@QueryParam("instanceId") String instanceId, @QueryParam("name") String name,
            InputStream body, HttpServerRequest request) {
        return upload(instanceId, name, body, request);
    }

    @POST
    @Blocking
    @Audited(value = "snapshot.upload", target = Audited.Target.SNAPSHOT)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a pg_dump archive as the 'file' part of a multipart form")
    public Response uploadForm(@QueryParam("instanceId") String instanceId, @QueryParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, HttpServerRequest request) {
        Body counted = new Body(body);
        try {
            Instance instance = uploads.admit(instanceId, name);
            String boundary = MultipartFileStream.boundary(contentType);
            MultipartFileStream file;
            try {
                file = MultipartFileStream.open(counted, boundary);
            } catch (IOException e) {
                throw CatalogException.invalid(null, "The upload broke off before the 'file' part began ("
                        + e.getMessage() + "): send it again.");
            }
            Snapshot snapshot = uploads.upload(instance, name, file);
            settle(counted, request);
            return created(snapshot);
        } catch (RuntimeException e) {
            settle(counted, request);
            throw e;
        }
    }

    private static Response created(Snapshot snapshot) {
        return Response.created(URI.create("/api/v1/snapshots/" + snapshot.id)).entity(Views.of(snapshot)).build();
    }

    /**
     * Before answering: reads (and drops) what is left of the body, up to {@link #SWALLOW_LIMIT}, so that the client
     * gets the answer rather than a reset connection; closes the connection after the answer when more is left. A
     * client waiting for 100-continue has sent nothing and gets the answer at once.
     */
    private static void settle(Body body, HttpServerRequest request) {
        boolean awaitsContinue = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
                && body.received == 0;
        if (!awaitsContinue && !body.ended) {
            try {
                body.skipUpTo(SWALLOW_LIMIT);
            } catch (IOException e) {
                // the client is gone: closing is all that is left
            }
        }
        if (!body.ended) {
            request.response().putHeader("Connection", "close");
        }
    }

    /** The request body, counting what was read and noticing its end. */
    static final class Body extends InputStream {
        private final InputStream in;
        private long received;
        private boolean ended;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                ended = true;
            } else {
                received++;
            }
            return b;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int n = in.read(target, offset, length);
            if (n < 0) {
                ended = true;
            } else {
                received += n;
            }
            return n;
        }

        void skipUpTo(long limit) throws IOException {
            byte[] sink = new byte[64 * 1024];
            long skipped = 0;
            while (skipped < limit && read(sink, 0, sink.length) >= 0) {
                skipped += sink.length;
            }
        }
    }
}
