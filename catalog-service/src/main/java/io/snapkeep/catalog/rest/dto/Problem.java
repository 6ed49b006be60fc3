package io.snapkeep.catalog.rest.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem; {@code errors} names the request fields at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** One field at fault and why. */
    public record FieldError(String field, String message) {
    }
}
