package io.snapkeep.catalog.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /instances}. */
public record CreateInstanceRequest(
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}", message = "must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit") String name,
        @NotBlank(message = "is required: postgresql") String engine,
        @NotNull(message = "is required") @Valid ConnectionRequest connection,
        String policy) {
}
