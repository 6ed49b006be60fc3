package io.snapkeep.catalog.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks an API operation for the audit trail under the action name {@link #value()}. On a method returning a Uni, a
 * successful call's entry is written in the same transaction as the change ({@link AuditInterceptor}); a failed call,
 * and an operation that streams (upload, export), get theirs right after the answer ({@link AuditResponseFilter}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Audited {

    /** The action, e.g. {@code snapshot.restore}. */
    @Nonbinding
    String value() default "";

    /** What the {@code id} path parameter, or the answer's {@code id}, names. */
    @Nonbinding
    Target target() default Target.NONE;

    /** What the answer's {@code id} names, when it is not what the path's {@code id} names (a restore's job). */
    @Nonbinding
    Target answer() default Target.NONE;

    /** Whether the entry joins the change's transaction; off for calls that must not hold one (a login's hash). */
    @Nonbinding
    boolean sameTransaction() default true;

    /** The kinds of ids an entry can point at. */
    enum Target {
        NONE, INSTANCE, SNAPSHOT, JOB, TOKEN, USER
    }
}
