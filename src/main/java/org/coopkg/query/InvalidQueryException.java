package org.coopkg.query;

/** A query that cannot be run as given: the message says where and why. */
public final class InvalidQueryException extends Exception {
    public InvalidQueryException(String message) {
        super(message);
    }
}
