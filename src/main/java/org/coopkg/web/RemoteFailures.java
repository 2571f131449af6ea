package org.coopkg.web;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

/**
 * What a failing {@code SERVICE} call becomes: a refused endpoint ({@link ServiceAllowlist.Refused}) is 400 with the
 * refusal; a remote endpoint that answers an error, or cannot be reached, is 502 Bad Gateway with its status, so that
 * the client can tell the remote endpoint's failure from coop-kg's. Other failures pass unchanged.
 */
final class RemoteFailures {
    private RemoteFailures() {}

    static RuntimeException translate(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ActionErrorException) return failure;
            if (t instanceof ServiceAllowlist.Refused refused) return new ActionErrorException(400, refused.getMessage(), null);
            if (t instanceof QueryExceptionHTTP http) return new ActionErrorException(502, message(http), null);
        }
        return failure;
    }

    private static String message(QueryExceptionHTTP http) {
        int status = http.getStatusCode();
        if (status <= 0) {
            return "the remote SPARQL endpoint of a SERVICE call could not be reached; check that it is up and that its URL is right";
        }
        String reason = http.getResponseMessage() == null || http.getResponseMessage().isBlank() ? ""
                : " " + http.getResponseMessage().strip().lines().findFirst().orElse("");
        return "the remote SPARQL endpoint of a SERVICE call answered " + status + reason + "; coop-kg's own data is fine, "
                + "try again later or use SERVICE SILENT to go on without it";
    }
}
