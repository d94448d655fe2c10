package io.trackorder.database;

import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.trackorder.MusicConfig;
import io.vertx.core.Vertx;

/**
 * Outside the session and transaction interceptors (priority 200), so that it shields all of
 * their work: the caller's cancellation stops at the emitter, and the work goes on to its end.
 * <p>
 * The caller waits at most until the request's database budget ({@code music.database.timeout},
 * counted from the request's first database call, so two calls of one request share it) is spent,
 * and then fails with {@link DatabaseTimeout}. This bounds every wait the pool settings cannot,
 * such as a socket that stopped answering mid-statement.
 */
@RunsToCompletion
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RunsToCompletionInterceptor {

    private static final String DEADLINE = "music.database.deadline";

    private final Vertx vertx;
    private final long timeoutNanos;

    public RunsToCompletionInterceptor(Vertx vertx, MusicConfig config) {
        this.vertx = vertx;
        this.timeoutNanos = config.database().timeout().toNanos();
    }

    @AroundInvoke
    Object shield(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (result instanceof Uni<?> work) {
            return Uni.createFrom().emitter(emitter -> {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline() - System.nanoTime());
                if (remainingMillis < 1) {
                    emitter.fail(new DatabaseTimeout());
                    return;
                }
                long timer = vertx.setTimer(remainingMillis, fired -> emitter.fail(new DatabaseTimeout()));
                work.subscribe().with(item -> {
                    vertx.cancelTimer(timer);
                    emitter.complete(item);
                }, failure -> {
                    vertx.cancelTimer(timer);
                    emitter.fail(failure);
                });
            });
        }
        return result;
    }

    /** The current request's deadline, set by its first call; outside a request, a fresh one. */
    private long deadline() {
        long fresh = System.nanoTime() + timeoutNanos;
        if (!VertxContext.isOnDuplicatedContext()) {
            return fresh;
        }
        Long deadline = ContextLocals.get(DEADLINE, null);
        if (deadline == null) {
            ContextLocals.put(DEADLINE, fresh);
            return fresh;
        }
        return deadline;
    }
}
