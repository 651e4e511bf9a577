package org.patchlens.hive;

import org.patchlens.FormatException;

/**
 * The one exception the hive package throws: the file could not be read at all, or a
 * structure that everything else depends on (base block, root key) is unusable.
 * Damage inside the tree is never thrown; it is collected as {@link Damage} instead. A failed
 * transaction-log recovery is the one subtype, {@link RecoveryFailed}.
 */
public sealed class HiveException extends FormatException permits RecoveryFailed {
    private static final long serialVersionUID = 1L;

    public HiveException(String file, long offset, String reason) {
        this(file, offset, reason, null);
    }

    public HiveException(String file, long offset, String reason, Throwable cause) {
        super(file, offset, reason, cause);
    }
}
