package org.coopkg.store;

/** A journal that cannot be used as it is: the message names the file, the position and what to do. */
public final class JournalException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }
}
