package org.patchlens.hive;

/**
 * Transaction-log recovery of a hive failed ({@link HiveOpener#open}); the hive itself may still be
 * readable as found. {@link #stage()} says where it failed, so that callers decide by type, never by
 * the message. The message is one line naming the file, like every {@link HiveException}.
 */
public final class RecoveryFailed extends HiveException {
    private static final long serialVersionUID = 1L;

    /** How the reason of a {@link Stage#REPLAY} failure starts. */
    public static final String REPLAY_FAILED = "transaction log recovery failed";

    /** Where recovery failed. */
    public enum Stage {
        /** A log could not be read (the file names it), or two logs claim one slot: nothing was replayed. */
        READING_LOGS,
        /** The logs were read, but none can restore the hive (the ledger's outcome is FAILED). */
        REPLAY,
        /** Log data was applied, but the recovered image is not a readable hive. */
        RECOVERED_IMAGE
    }

    private final Stage stage;
    private final transient ReplayLedger ledger;

    RecoveryFailed(Stage stage, String file, long offset, String reason, ReplayLedger ledger, Throwable cause) {
        super(file, offset, reason, cause);
        this.stage = stage;
        this.ledger = ledger;
    }

    /** A replay whose ledger says FAILED: {@code transaction log recovery failed: RESULT}. */
    static RecoveryFailed replay(String file, ReplayLedger ledger) {
        return new RecoveryFailed(Stage.REPLAY, file, -1, REPLAY_FAILED + ": " + ledger.result(), ledger, null);
    }

    /** The same failure with another reason (the caller's, saying what can be done about it). */
    public RecoveryFailed withReason(String reason) {
        return new RecoveryFailed(stage, file(), offset(), reason, ledger, this);
    }

    public Stage stage() {
        return stage;
    }

    /** The ledger of a {@link Stage#REPLAY} or {@link Stage#RECOVERED_IMAGE} failure; null when no log was read. */
    public ReplayLedger ledger() {
        return ledger;
    }
}
