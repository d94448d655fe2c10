package io.trackorder.web;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.common.util.PathHelper;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper.RequestMatch;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.mapping.URITemplate;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;

/**
 * The endpoints as Quarkus REST routes them: its own resource and method mappers, asked with the
 * same normalized path. A request's route (its template, the methods it takes, and so its surface
 * and its {@code Allow} header) is therefore exactly where Quarkus REST sends it, and there is no
 * second table of endpoints to keep in step with the resources. Quarkus' own observability
 * integration reads the deployment the same way to find a route template.
 */
@ApplicationScoped
class RestRoutes {

    /** The route of a path: its template and every method an endpoint takes at it. */
    record Route(String template, Set<String> methods) {
    }

    private record Resources(Deployment deployment, RequestMapper<InitialMatch> mapper) {
    }

    private volatile Resources resources;

    /**
     * The route of a normalized path, or null when no endpoint has that path. The template is the one
     * of the endpoint for {@code method}; for a method no endpoint takes here (OPTIONS, a 405), the
     * most specific template at the path.
     */
    Route match(String normalizedPath, String method) {
        Resources current = resources();
        String path = PathHelper.getPathWithoutPrefix(normalizedPath, current.deployment().getPrefix());
        // Like Quarkus REST: the resource classes whose path fits, in its order, until one has an endpoint.
        for (RequestMatch<InitialMatch> resource = current.mapper().map(path); resource != null; resource = current.mapper()
                .continueMatching(path, resource)) {
            Route route = endpointsOf(resource, method);
            if (route != null) {
                return route;
            }
        }
        return null;
    }

    private static Route endpointsOf(RequestMatch<InitialMatch> resource, String method) {
        if (resource.value.handlers.length == 0 || !(resource.value.handlers[0] instanceof ClassRoutingHandler classRouting)) {
            return null;
        }
        String remaining = resource.remaining.isEmpty() ? "/" : resource.remaining;
        Map<String, URITemplate> templates = new TreeMap<>();
        classRouting.getMappers().forEach((endpointMethod, endpoints) -> {
            RequestMatch<RuntimeResource> endpoint = endpointMethod == null ? null : endpoints.map(remaining);
            if (endpoint != null) {
                templates.put(endpointMethod, endpoint.template);
            }
        });
        if (templates.isEmpty()) {
            return null;
        }
        URITemplate chosen = templates.get(forEndpoint(method));
        if (chosen == null) {
            // JAX-RS' rule for the most specific: the most literal characters.
            chosen = templates.values().stream().max(Comparator.comparingInt(t -> t.literalCharacterCount)).orElseThrow();
        }
        return new Route(template(resource.template.template + chosen.template), Set.copyOf(templates.keySet()));
    }

    /** Quarkus REST answers HEAD with the GET endpoint. */
    private static String forEndpoint(String method) {
        return method.equals("HEAD") ? "GET" : method;
    }

    /** As Quarkus tags its metrics: {@code /releases} + {@code /} is {@code /releases}. */
    private static String template(String joined) {
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private Resources resources() {
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        Resources current = resources;
        if (current == null || current.deployment() != deployment) {
            // Once per deployment: dev mode's live reload brings a new one.
            current = new Resources(deployment, new RequestMapper<>(deployment.getClassMappers()));
            resources = current;
        }
        return current;
    }
}
