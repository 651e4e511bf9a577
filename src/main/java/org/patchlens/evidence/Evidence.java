package org.patchlens.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * One input file: where it is, its size and SHA-256 (taken before anything reads it), the kind
 * detected from its content, why (detail), and anything that went wrong reading it.
 *
 * @param name     the path as shown in reports (relative to the evidence folder when discovered; a file of the
 *                 backup set starts with {@link #BACKUP_PREFIX}, so every source that names it says whose it is)
 * @param explicit given by an option (--system, --cluster, ...) rather than found by discovery
 * @param origin   the target's evidence, or the backup set (--backup) kept apart from it
 */
public record Evidence(Path path, String name, long size, String sha256, EvidenceKind kind, String detail,
                       List<String> errors, boolean explicit, Origin origin) {

    /** Whose file this is: the server restored to, or the backup set to be restored. */
    public enum Origin { TARGET, BACKUP }

    /** How a backup file's name starts in reports: "(backup) priv.edb". */
    public static final String BACKUP_PREFIX = "(backup) ";

    /** A file of the target's evidence. */
    public Evidence(Path path, String name, long size, String sha256, EvidenceKind kind, String detail,
                    List<String> errors, boolean explicit) {
        this(path, name, size, sha256, kind, detail, errors, explicit, Origin.TARGET);
    }

    public boolean fromBackup() {
        return origin == Origin.BACKUP;
    }

    /** The same file as the backup set's: its name says so wherever a source names it. */
    public Evidence asBackup() {
        return fromBackup() ? this : new Evidence(path, BACKUP_PREFIX + name, size, sha256, kind, detail, errors,
                explicit, Origin.BACKUP);
    }

    /**
     * The kind as a report shows it: the record naming the links, FIFOs and devices the walk never followed is no
     * limit of the walk ({@link EvidenceScanner#isNotFollowed}).
     */
    public String kindLabel() {
        return EvidenceScanner.isNotFollowed(this) ? "not followed (a symbolic link, FIFO or device)" : kind.label();
    }
}
