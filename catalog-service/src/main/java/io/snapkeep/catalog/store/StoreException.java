package io.snapkeep.catalog.store;

/** The object store refused or failed a request. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
