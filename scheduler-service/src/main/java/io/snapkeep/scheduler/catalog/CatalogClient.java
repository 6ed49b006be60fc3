package io.snapkeep.scheduler.catalog;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of the catalog's API the scheduler uses; its base URL is {@code snapkeep.catalog.url}, its
 * token {@code snapkeep.catalog.token}. */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(CatalogToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @GET
    @Path("instances")
    PageView<InstanceView> instances(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("snapshots")
    PageView<SnapshotView> snapshots(@QueryParam("instanceId") String instanceId, @QueryParam("status") String status,
            @QueryParam("requestId") String requestId, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("jobs")
    PageView<JobView> jobs(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @DELETE
    @Path("snapshots/{id}")
    Response deleteSnapshot(@PathParam("id") String id, @QueryParam("retention") boolean retention);

    @GET
    @Path("policies")
    Response policies();
}
