package org.patchlens.artifacts.batch;

import org.patchlens.FormatException;

/** A batch file that cannot be run: one line naming the file, the line and the field, and why. */
public final class BatchFileException extends FormatException {
    private static final long serialVersionUID = 1L;

    BatchFileException(String file, String reason) {
        super(file, -1, reason, null);
    }

    static BatchFileException at(String file, int line, String field, String reason) {
        return new BatchFileException(file, "line " + line + (field == null ? "" : ": field " + field) + ": " + reason);
    }
}
