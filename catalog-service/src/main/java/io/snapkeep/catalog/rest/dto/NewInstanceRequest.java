package io.snapkeep.catalog.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /snapshots/{id}/instances}: the new instance's name and where to create it; the connection's
 * database must not exist yet. {@code allowSuperuser} as for {@link RestoreRequest}.
 */
public record NewInstanceRequest(
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}", message = "must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit") String name,
        @NotNull(message = "is required: the server and a new database name") @Valid ConnectionRequest connection,
        String policy, Boolean keepOwners, Integer parallelJobs, Boolean allowSuperuser) {
}
