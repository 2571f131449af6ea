package org.coopkg.web;

/** A request refused before it reaches the endpoint. */
final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
