package io.snapkeep.catalog.service;

/** The one domain error: carries the HTTP status and a sentence that tells the caller what to do. */
public class CatalogException extends RuntimeException {
    private final int status;
    private final String title;
    private final String field;

    private CatalogException(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static CatalogException notFound(String what, Object id) {
        return new CatalogException(404, "Not Found", "No " + what + " with id " + id + " exists.", null);
    }

    public static CatalogException conflict(String detail) {
        return new CatalogException(409, "Conflict", detail, null);
    }

    public static CatalogException gone(String detail) {
        return new CatalogException(410, "Gone", detail, null);
    }

    public static CatalogException invalid(String field, String detail) {
        return new CatalogException(400, "Bad Request", detail, field);
    }

    public static CatalogException unprocessable(String field, String detail) {
        return new CatalogException(422, "Unprocessable Content", detail, field);
    }

    public static CatalogException tooLarge(String detail) {
        return new CatalogException(413, "Content Too Large", detail, null);
    }

    public static CatalogException unauthorized(String detail) {
        return new CatalogException(401, "Unauthorized", detail, null);
    }

    public static CatalogException forbidden(String detail) {
        return new CatalogException(403, "Forbidden", detail, null);
    }

    public static CatalogException tooManyRequests(String detail) {
        return new CatalogException(429, "Too Many Requests", detail, null);
    }

    public static CatalogException unavailable(String detail) {
        return new CatalogException(503, "Service Unavailable", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
