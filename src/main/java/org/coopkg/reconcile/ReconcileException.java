package org.coopkg.reconcile;

/**
 * A reconciliation request that cannot be answered as asked: an unknown type or property, a value of the wrong
 * form, a batch over the cap. The message names the bad value and says what would be accepted.
 */
public final class ReconcileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ReconcileException(String message) {
        super(message);
    }
}
