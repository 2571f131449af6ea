package org.coopkg.core;

/** What went wrong at the bottom of a chain of exceptions, for messages to users. */
public final class Causes {
    private Causes() {}

    /** The message of the innermost cause that has one, which names the root problem ("Address already in use"). */
    public static String rootMessage(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) message = t.getMessage();
        }
        return message;
    }
}
