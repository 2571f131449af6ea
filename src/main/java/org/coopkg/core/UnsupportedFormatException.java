package org.coopkg.core;

import java.util.Collection;

/**
 * A format name that the command or request does not offer. The message lists the offered names, because whoever
 * typed a wrong name needs the right one, not a stack trace.
 */
public final class UnsupportedFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** {@code what}: the kind of format asked for, e.g. "export", "query result". */
    public UnsupportedFormatException(String what, String requested, Collection<Format> offered) {
        super("unknown " + what + " format '" + requested + "'; the supported formats are: " + Format.names(offered));
    }
}
