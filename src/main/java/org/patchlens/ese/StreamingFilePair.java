package org.patchlens.ese;

import java.util.List;

/**
 * An Exchange 2000/2003 database ({@code priv1.edb}) and its streaming file ({@code priv1.stm}), paired by
 * name, against the engine's pairing rule (SOURCE ESE98 slv.cxx {@code ErrSLVCheckDBSLVMatch}, else
 * {@code JET_errDatabaseStreamingFileMismatch} -540): the same DB Signature (@24), the same SLV signature
 * (@252), the same Log Signature (@108) unless the streaming file's is zero (an old streaming file), and
 * the same Last Attach and Last Consistent positions unless the streaming file's are both zero.
 *
 * @param database           the database's file name as given
 * @param streamingFile      the streaming file's
 * @param databaseSignature  the database's DB Signature
 * @param streamingSignature the streaming file's DB Signature
 * @param signatureDifferences the signatures that differ ("DB Signature (@24)", "SLV signature (@252)",
 *                           "Log Signature (@108)"); empty when they match
 * @param positionDifferences the log positions that differ ("Last Attach (@80)", "Last Consistent (@56)")
 * @param slvCompared        false when the SLV signatures could not be compared (an eseutil text dump does
 *                           not print them, or a header without the ESE98 fields)
 * @param verdict            one sentence naming both files and, when they differ, both signatures
 */
public record StreamingFilePair(String database, String streamingFile, Signature databaseSignature,
        Signature streamingSignature, List<String> signatureDifferences, List<String> positionDifferences,
        boolean slvCompared, String verdict) {
    public StreamingFilePair {
        signatureDifferences = List.copyOf(signatureDifferences);
        positionDifferences = List.copyOf(positionDifferences);
    }

    /** True when the database and the streaming file belong together (signatures equal). */
    public boolean signaturesMatch() {
        return signatureDifferences.isEmpty();
    }

    /** True when the engine's whole pairing check passes (signatures and positions). */
    public boolean matches() {
        return signatureDifferences.isEmpty() && positionDifferences.isEmpty();
    }
}
