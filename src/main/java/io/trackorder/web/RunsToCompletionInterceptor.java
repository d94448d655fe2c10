package io.trackorder.web;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.smallrye.mutiny.Uni;

/**
 * Outside the session and transaction interceptors (priority 200), so that it shields all of
 * their work: the caller's cancellation stops at the emitter, and the work goes on to its end.
 */
@RunsToCompletion
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RunsToCompletionInterceptor {

    @AroundInvoke
    Object shield(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (result instanceof Uni<?> work) {
            return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
        }
        return result;
    }
}
