package org.patchlens.ese;

import java.util.List;

/** Any header patchlens reads: database, patch, checkpoint or log. */
public sealed interface EseHeader permits DatabaseHeader, PatchHeader, CheckpointHeader, LogHeader {
    String file();

    Source source();

    List<Note> notes();

    /** How the header was verified and which copy its fields come from. */
    Verification verification();

    default EseFile.Kind kind() {
        if (this instanceof DatabaseHeader) {
            return EseFile.Kind.DATABASE;
        }
        if (this instanceof PatchHeader) {
            return EseFile.Kind.PATCH;
        }
        return this instanceof CheckpointHeader ? EseFile.Kind.CHECKPOINT : EseFile.Kind.LOG;
    }

    /** True when any note is a WARNING or ERROR. */
    default boolean findings() {
        return notes().stream().anyMatch(Note::isFinding);
    }
}
