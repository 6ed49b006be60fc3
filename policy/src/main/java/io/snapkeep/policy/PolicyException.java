package io.snapkeep.policy;

/** A policy that cannot be used: names the field at fault and says what to give instead. */
public class PolicyException extends IllegalArgumentException {
    private final String field;

    public PolicyException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field of a custom policy at fault: {@code cron}, {@code keepLast}, {@code hourly}, ... */
    public String field() {
        return field;
    }
}
