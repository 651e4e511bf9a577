package org.patchlens.ese;

/**
 * What a saved {@code eseutil /ml <base>} range listing says about one log file (ese-format.md 8.3, range
 * mode): its name as eseutil printed it, eseutil's verdict, and the generation — from the file name's hex
 * digits, from eseutil's own message, or inferred; no header field is printed in range mode.
 *
 * @param file           the path as eseutil printed it ({@code D:\exchsrvr\mdbdata\EDB00080.log}); for a
 *                       missing generation, the name built from eseutil's {@code Missing log file} line
 * @param line           line number in the text file (1-based)
 * @param status         eseutil's verdict
 * @param generation     the generation, 0 when unknown
 * @param generationFrom where the generation comes from
 * @param message        eseutil's ERROR text for this file (joined when it spans lines), or "" when none
 */
public record ListedLog(String file, int line, Status status, long generation, GenerationFrom generationFrom,
        String message) {
    /** eseutil's verdict on one file of the listing. */
    public enum Status {
        /** {@code Log file: ... - OK}: the header, the records and the link to the previous log verified. */
        OK,
        /** An ERROR under the file other than a generation-sequence one: damaged, unreadable, another signature. */
        DAMAGED,
        /**
         * An ERROR that only says where the file sits in the sequence, with the generation its header holds:
         * {@code Mismatched log generation N ... Expected generation M} or, on the current log,
         * {@code Missing log file(s). Log file is generation N, but expected generation is M}.
         */
        OUT_OF_SEQUENCE,
        /** Named by a {@code Missing log file:} / {@code Missing log files:} line. */
        MISSING,
        /** A {@code Log file:} line with neither {@code - OK} nor an ERROR after it (the text is cut or edited). */
        NO_VERDICT
    }

    /** Where a listed file's generation comes from. */
    public enum GenerationFrom {
        /** The hex digits of an archived name ({@code E0000000080.log}, {@code EDB0001C.log}). */
        NAME,
        /** eseutil's message (it read the header): {@code Log file is generation N}, {@code Mismatched log generation N}. */
        ESEUTIL_MESSAGE,
        /**
         * INFERRED for the current log ({@code E00.log}): eseutil checks that it follows the archived log
         * listed just before it, so "OK" after an OK previous log with no missing line between means
         * previous + 1.
         */
        INFERRED_FROM_PREVIOUS,
        /** Not known (a current log after a damaged or missing one, or a name without hex digits). */
        UNKNOWN
    }

    /** True when eseutil found nothing wrong with the file itself (OK, or only its place in the sequence). */
    public boolean readable() {
        return status == Status.OK || status == Status.OUT_OF_SEQUENCE;
    }
}
