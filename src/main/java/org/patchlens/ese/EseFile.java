package org.patchlens.ese;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.patchlens.InputException;
import org.patchlens.InputFile;

/**
 * Entry point: opens an ESE database, streaming file, patch file, checkpoint or log
 * header, or a saved eseutil text dump of one, read-only, and detects which it is by
 * content. Only the header pages are mapped (at most the first 64 KiB); input files are
 * never written.
 */
public final class EseFile {
    /** What a file is. */
    public enum Kind {
        DATABASE, PATCH, CHECKPOINT, LOG
    }

    /** Two copies of the largest header page (32 KiB). */
    static final int MAX_HEADER_BYTES = 65536;
    /** Text dumps larger than this are refused. */
    static final long MAX_TEXT_BYTES = 16L << 20;

    private EseFile() {
    }

    /** Reads one header (binary or eseutil text); a text dump with several headers gives the first. */
    public static EseHeader open(Path file) {
        return openAll(file).get(0);
    }

    /**
     * Every header in the file: one for a binary file, one or more for an eseutil text dump. The path
     * is checked first ({@link InputFile#check}: a FIFO, device, folder, missing file or link loop is
     * an {@link EseException} with the check's one-line message, and is never opened); then at most
     * the bytes the check saw are mapped or read.
     */
    public static List<EseHeader> openAll(Path file) {
        String name = file.toString();
        InputFile in;
        try {
            in = InputFile.check(file);
        } catch (InputException e) {
            throw new EseException(e.file(), -1, e.reason(), e);
        }
        try {
            long size = in.size();
            ByteBuffer mapped = in.map(MAX_HEADER_BYTES);
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            if (EseutilText.looksLikeText(mapped)) {
                if (size > MAX_TEXT_BYTES) {
                    throw new EseException(name, -1, "text file of " + size + " bytes is too large for an eseutil dump");
                }
                return EseutilText.parse(name, in.read((int) MAX_TEXT_BYTES));
            }
            return List.of(new BinaryReader(name, mapped, size).read());
        } catch (IOException e) {
            throw new EseException(name, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A saved {@code eseutil /ml <base>} range listing, with every file it names and eseutil's verdict on each
     * (the same path check and size limit as {@link #openAll}); anything else is an {@link EseException}.
     */
    public static LogListing listing(Path file) {
        String name = file.toString();
        InputFile in;
        try {
            in = InputFile.check(file);
        } catch (InputException e) {
            throw new EseException(e.file(), -1, e.reason(), e);
        }
        try {
            ByteBuffer head = in.map(MAX_HEADER_BYTES);
            if (!EseutilText.looksLikeText(head)) {
                throw new EseException(name, -1, "not a text file, so not an eseutil /ml range listing");
            }
            if (in.size() > MAX_TEXT_BYTES) {
                throw new EseException(name, -1, "text file of " + in.size() + " bytes is too large for an eseutil dump");
            }
            return EseutilText.listing(name, EseutilText.decode(in.read((int) MAX_TEXT_BYTES)));
        } catch (IOException e) {
            throw new EseException(name, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a header from bytes in memory (tests). {@code name} is used for messages and detection hints. */
    public static EseHeader read(String name, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (EseutilText.looksLikeText(b)) {
            return EseutilText.parse(name, bytes).get(0);
        }
        return new BinaryReader(name, b, bytes.length).read();
    }

    /** The header of a database or streaming file; any other kind is an {@link EseException}. */
    public static DatabaseHeader database(Path file) {
        return expect(open(file), DatabaseHeader.class, Kind.DATABASE);
    }

    public static CheckpointHeader checkpoint(Path file) {
        return expect(open(file), CheckpointHeader.class, Kind.CHECKPOINT);
    }

    public static LogHeader log(Path file) {
        return expect(open(file), LogHeader.class, Kind.LOG);
    }

    public static PatchHeader patch(Path file) {
        return expect(open(file), PatchHeader.class, Kind.PATCH);
    }

    private static <T extends EseHeader> T expect(EseHeader h, Class<T> type, Kind kind) {
        if (!type.isInstance(h)) {
            throw new EseException(h.file(), -1, "is " + article(h.kind()) + ", not " + article(kind));
        }
        return type.cast(h);
    }

    static String article(Kind k) {
        return switch (k) {
            case DATABASE -> "a database";
            case PATCH -> "a patch file";
            case CHECKPOINT -> "a checkpoint";
            case LOG -> "a log file";
        };
    }

    /** JET_filetype names (SOURCE jethdr.w). */
    public static String fileTypeName(long ft) {
        return switch ((int) ft) {
            case 0 -> "Unknown";
            case 1 -> "Database";
            case 2 -> "Streaming File";
            case 3 -> "Log";
            case 4 -> "Checkpoint";
            case 5 -> "Temp Database";
            case 6 -> "FTL";
            case 7 -> "Flush Map";
            case 8 -> "Cached File";
            case 9 -> "Caching File";
            case 10 -> "Snapshot";
            case 11 -> "RBS Revert Checkpoint";
            default -> "Unknown (" + ft + ")";
        };
    }

    /** The last path component of a name, for either separator. */
    static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    static String extension(String name) {
        String n = baseName(name);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
