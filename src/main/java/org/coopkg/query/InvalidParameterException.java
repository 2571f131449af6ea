package org.coopkg.query;

/** A value given for a gallery query's parameter that does not fit it, or a parameter the query does not have. */
public final class InvalidParameterException extends Exception {
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the parameter, as the caller wrote it. */
    public String parameter() {
        return parameter;
    }
}
