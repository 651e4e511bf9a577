package org.patchlens.ese;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pairs each streaming file ({@code .stm}, Exchange 2000/2003) with the database of the same name among the
 * headers given, and checks the pair as the engine does ({@link StreamingFilePair}); the notes say which
 * pairs do not belong together, and which streaming files have no database to pair with.
 */
public final class StreamingFiles {
    /** Pairs checked at most (every streaming file against every database of its name). */
    static final int MAX_PAIRS = 1_000;

    private StreamingFiles() {
    }

    /** A streaming file by its header: JET_filetype 2, or attrib 1 in an old header without the file type. */
    public static boolean isStreamingFile(DatabaseHeader h) {
        return h.fileType() == 2 || h.fileType() == 0 && h.attrib() == 1;
    }

    /** Every streaming file paired with each database (not streaming) of the same file name, case-insensitive. */
    public static List<StreamingFilePair> pairs(List<DatabaseHeader> headers) {
        List<StreamingFilePair> out = new ArrayList<>();
        for (DatabaseHeader stm : headers) {
            if (!isStreamingFile(stm)) {
                continue;
            }
            for (DatabaseHeader db : headers) {
                if (out.size() < MAX_PAIRS && !isStreamingFile(db) && stem(db.file()).equals(stem(stm.file()))) {
                    out.add(check(db, stm));
                }
            }
        }
        return out;
    }

    /** The notes of {@link #pairs}: ERROR for signatures that differ, WARNING for positions, INFO otherwise. */
    static List<Note> notes(List<DatabaseHeader> headers, List<StreamingFilePair> pairs) {
        List<Note> out = new ArrayList<>();
        for (StreamingFilePair p : pairs) {
            out.add(!p.signaturesMatch() ? Note.error(-1, p.verdict())
                    : !p.positionDifferences().isEmpty() ? Note.warning(-1, p.verdict()) : Note.info(p.verdict()));
        }
        for (DatabaseHeader stm : headers) {
            if (isStreamingFile(stm) && pairs.stream().noneMatch(p -> p.streamingFile().equals(stm.file()))) {
                out.add(Note.info(stm.file() + ": streaming file without a database named " + stem(stm.file())
                        + ".edb among the files given: not paired"));
            }
        }
        return out;
    }

    /** One pair against the engine's rule. */
    static StreamingFilePair check(DatabaseHeader db, DatabaseHeader stm) {
        List<String> sigs = new ArrayList<>();
        if (!db.dbSignature().sameAs(stm.dbSignature())) {
            sigs.add("DB Signature (@24)");
        }
        boolean slvCompared = db.source() == Source.BINARY && stm.source() == Source.BINARY && db.ese98() != null
                && stm.ese98() != null;
        if (slvCompared && !db.ese98().slvSignatureHex().equalsIgnoreCase(stm.ese98().slvSignatureHex())) {
            sigs.add("SLV signature (@252)");
        }
        if (!stm.logSignature().isZero() && !stm.logSignature().sameAs(db.logSignature())) {
            sigs.add("Log Signature (@108)");
        }
        List<String> positions = new ArrayList<>();
        boolean oldStreamingFile = stm.attachPosition().equals(LogPosition.ZERO)
                && stm.consistentPosition().equals(LogPosition.ZERO);
        if (!oldStreamingFile && !stm.attachPosition().equals(db.attachPosition())) {
            positions.add("Last Attach (@80)");
        }
        if (!oldStreamingFile && !stm.consistentPosition().equals(db.consistentPosition())) {
            positions.add("Last Consistent (@56)");
        }
        return new StreamingFilePair(db.file(), stm.file(), db.dbSignature(), stm.dbSignature(), sigs, positions,
                slvCompared, verdict(db, stm, sigs, positions, slvCompared, oldStreamingFile));
    }

    private static String verdict(DatabaseHeader db, DatabaseHeader stm, List<String> sigs, List<String> positions,
            boolean slvCompared, boolean oldStreamingFile) {
        String both = db.file() + " and its streaming file " + stm.file();
        if (!sigs.isEmpty()) {
            return both + " do not belong together: " + String.join(", ", sigs) + " differ"
                    + (sigs.contains("DB Signature (@24)") ? " (database " + db.dbSignature() + ", streaming file "
                            + stm.dbSignature() + ")" : "")
                    + " (JET_errDatabaseStreamingFileMismatch -540): restore the .edb and .stm of the same backup";
        }
        if (!positions.isEmpty()) {
            return both + " carry the same signatures, but " + String.join(" and ", positions) + " differ: the engine's "
                    + "pairing check also compares these positions and refuses the pair with "
                    + "JET_errDatabaseStreamingFileMismatch -540 until they agree";
        }
        return both + " belong together: the same DB Signature " + db.dbSignature()
                + (slvCompared ? ", SLV signature" : "") + (stm.logSignature().isZero() ? "" : " and Log Signature")
                + (oldStreamingFile ? " (the streaming file records no log positions: an old one)"
                        : ", the same Last Attach and Last Consistent")
                + (slvCompared ? "" : "; SLV signature not compared (an eseutil dump does not print it)");
    }

    /** {@code priv1} for {@code D:\exchsrvr\mdbdata\PRIV1.STM}. */
    static String stem(String file) {
        String n = EseFile.baseName(file).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }
}
