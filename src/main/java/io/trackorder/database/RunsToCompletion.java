package io.trackorder.database;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The {@code Uni}s of the annotated service run to their end even when the HTTP client goes
 * away: their transaction commits or rolls back and their connection goes back to the pool.
 * Without it, a disconnect cancels the work mid-transaction, and Hibernate Reactive 3.4 can then
 * lose the pooled connection until the pool runs dry.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsToCompletion {
}
