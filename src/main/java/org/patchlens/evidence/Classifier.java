package org.patchlens.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.List;
import org.patchlens.ese.EseException;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.EseHeader;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.Key;

/**
 * Decides what a file is from its content alone: registry hives by their keys, hive logs by
 * the base block's file type, ESE files by the header magic, eseutil dumps by their text.
 * Names are used only to describe a registry checkpoint's place (GUID folder, NNNNNNNN.CPT).
 */
public final class Classifier {
    private static final Pattern CONTROL_SET = Pattern.compile("(?i)controlset\\d{3}");
    private static final Pattern GUID = Pattern.compile(
            "(?i)\\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}?");
    private static final Pattern CPT_NAME = Pattern.compile("(?i)[0-9a-f]{8}\\.cpt");

    private Classifier() {
    }

    /** The kind and a short reason. */
    public record Result(EvidenceKind kind, String detail) {
    }

    public static Result classify(Path file) throws IOException {
        org.patchlens.InputFile.check(file); // never open a FIFO or a device: it could block
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) {
            return new Result(EvidenceKind.UNREADABLE, "empty file");
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, n).order(ByteOrder.LITTLE_ENDIAN);
        if (n >= 4 && b.getInt(0) == 0x66676572) { // "regf"
            return hive(file, n >= 32 ? b.getInt(28) : 0);
        }
        return ese(file);
    }

    /**
     * The evidence a file holds, judged from its first 4 KB and 4 bytes only (cheap, for deciding whether an
     * existing file may be replaced by an output): "a registry hive", "a hive transaction log", a hive or log
     * whose base block is damaged, a bin of a hive, an ESE header (also a log or checkpoint whose header is
     * damaged but whose file type field says so), an eseutil dump; null for anything else. The caller makes
     * sure {@code file} is a regular file.
     */
    public static String evidenceContent(Path file) throws IOException {
        byte[] head = new byte[4096 + 4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, n).order(ByteOrder.LITTLE_ENDIAN);
        if (n >= 4 && b.getInt(0) == 0x66676572) { // "regf": a hive, or a log (its base block)
            return n >= 32 && b.getInt(28) != 0 ? "a hive transaction log" : "a registry hive";
        }
        // damaged evidence is still evidence: a hive whose base block was overwritten still has its first bin at
        // 4096, a bin cut out of a hive starts with one, a new-format log's first entry follows its 512-byte block
        if (n >= 4 && b.getInt(0) == 0x6E696268) { // "hbin"
            return "a registry hive bin (part of a hive)";
        }
        if (n >= 4100 && b.getInt(4096) == 0x6E696268) {
            return "a registry hive (its base block damaged)";
        }
        if (n >= 516 && b.getInt(512) == 0x454C7648) { // "HvLE"
            return "a hive transaction log (its base block damaged)";
        }
        if (n >= 8 && b.getInt(4) == 0x89ABCDEF) {
            return "an ESE header";
        }
        // logs and checkpoints have no magic; their file type field says what they are (ese-format.md)
        if (n >= 671 && (b.getInt(667) == 3 || b.getInt(667) == 4)) {
            return b.getInt(667) == 3 ? "an ESE log header (damaged)" : "an ESE checkpoint header (damaged)";
        }
        try {
            EseHeader h = EseFile.open(file);
            return h.source() == org.patchlens.ese.Source.TEXT ? "an eseutil dump"
                    : "an ESE " + h.kind().name().toLowerCase(Locale.ROOT) + " header";
        } catch (EseException e) {
            return null;
        }
    }

    /**
     * Whether a file begins with the base block of a primary hive ({@code regf}, file type 0), judged from its
     * first 32 bytes: how a folder walk picks the hives out of the other files (logs, databases, anything)
     * without reading them. The caller makes sure {@code file} is a regular file.
     */
    public static boolean isPrimaryHive(Path file) throws IOException {
        byte[] head = new byte[32];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return isPrimaryHive(head, n);
    }

    /** {@link #isPrimaryHive(Path)} for a file's first {@code n} bytes already in memory. */
    public static boolean isPrimaryHive(byte[] head, int n) {
        if (n < 32 || head.length < 32) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, 32).order(ByteOrder.LITTLE_ENDIAN);
        return b.getInt(0) == 0x66676572 && b.getInt(28) == 0;
    }

    /** ESE headers and eseutil dumps, as the ESE reader recognises them; anything else is unrelated. */
    private static Result ese(Path file) {
        try {
            List<EseHeader> headers = EseFile.openAll(file);
            EseHeader h = headers.get(0);
            if (h.source() == org.patchlens.ese.Source.TEXT) {
                return new Result(EvidenceKind.ESEUTIL_TEXT, "eseutil output (" + headers.size() + " header"
                        + (headers.size() == 1 ? "" : "s") + ", first: " + h.kind().name().toLowerCase(Locale.ROOT)
                        + ")");
            }
            return switch (h.kind()) {
                case DATABASE -> new Result(EvidenceKind.ESE_DATABASE, "ESE database header");
                case PATCH -> new Result(EvidenceKind.ESE_PATCH, "ESE patch file header");
                case CHECKPOINT -> new Result(EvidenceKind.ESE_CHECKPOINT, "ESE checkpoint header");
                case LOG -> new Result(EvidenceKind.ESE_LOG, "ESE log header");
            };
        } catch (EseException e) {
            return new Result(EvidenceKind.UNRELATED, "no registry or ESE header (" + e.reason() + ")");
        }
    }

    private static Result hive(Path file, int fileType) {
        if (fileType != 0) {
            return new Result(EvidenceKind.HIVE_LOG, "regf base block with file type " + fileType);
        }
        try (Hive h = Hive.open(file)) {
            Key root = h.root();
            if (isSystemHive(root)) {
                return new Result(EvidenceKind.SYSTEM_HIVE, "keys Select and ControlSetNNN");
            }
            if (isClusterHive(root)) {
                return new Result(EvidenceKind.CLUSTER_HIVE, "keys Groups and Resources");
            }
            if (root.subkey("Microsoft") != null && root.subkey("Classes") != null) {
                return new Result(EvidenceKind.SOFTWARE_HIVE, "keys Microsoft and Classes");
            }
            if (checkpointId(file) != null) {
                return new Result(EvidenceKind.REGISTRY_CHECKPOINT, "a saved subtree in a resource GUID folder");
            }
            return new Result(EvidenceKind.OTHER_HIVE, "root key " + root.name());
        } catch (HiveException e) {
            return new Result(EvidenceKind.UNREADABLE, e.reason());
        }
    }

    /** A SYSTEM hive: a Select key and at least one ControlSetNNN key at the root. */
    public static boolean isSystemHive(Key root) {
        if (root.subkey("Select") == null) {
            return false;
        }
        return root.subkeys().stream().anyMatch(k -> CONTROL_SET.matcher(k.name()).matches());
    }

    /** A cluster database: Groups and Resources keys, at the root or under Parameters. */
    public static boolean isClusterHive(Key root) {
        Key base = root.subkey("Resources") == null && root.subkey("Parameters") != null
                ? root.subkey("Parameters") : root;
        return base.subkey("Resources") != null && base.subkey("Groups") != null;
    }

    /**
     * The resource GUID folder and checkpoint number of a CPT path, e.g. "{GUID}\00000001", or null. The folder is
     * the one the file is in, however the path was given: {@code 00000002.CPT} or {@code ./00000002.CPT} typed in
     * the GUID folder is at its place too.
     */
    public static String checkpointId(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        Path parent = absolute.getParent();
        if (!CPT_NAME.matcher(name).matches() || parent == null || parent.getFileName() == null) {
            return null;
        }
        String guid = parent.getFileName().toString();
        if (!GUID.matcher(guid).matches()) {
            return null;
        }
        return normalGuid(guid) + "\\" + name.substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A GUID without braces, upper case. */
    public static String normalGuid(String guid) {
        String g = guid.trim();
        if (g.startsWith("{") && g.endsWith("}")) {
            g = g.substring(1, g.length() - 1);
        }
        return g.toUpperCase(Locale.ROOT);
    }
}
