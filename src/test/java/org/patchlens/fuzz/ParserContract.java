package org.patchlens.fuzz;

import java.io.IOException;
import java.io.Writer;
import org.patchlens.hive.Damage;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveDiff;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.HiveStats;
import org.patchlens.hive.Key;
import org.patchlens.hive.Listing;
import org.patchlens.hive.SecurityDescriptor;
import org.patchlens.hive.Value;
import org.patchlens.report.OutputFormat;
import org.patchlens.report.DiffWriter;
import org.patchlens.report.HiveDump;
import org.patchlens.report.RegExport;

/**
 * The parser contract, shared by the fuzz targets and the contract tests: reading any bytes
 * either gives a result (with damage) or throws {@link HiveException} naming the file, an
 * offset where one applies, and a reason. Any other throwable escapes to the caller, which is
 * the finding.
 */
public final class ParserContract {
    public static final String NAME = "fuzzed.hive";

    private ParserContract() {
    }

    /** Opens {@code bytes} as a hive; null when it is refused with a well-formed HiveException. */
    public static Hive open(byte[] bytes) {
        try {
            Hive h = Hive.fromBytes(NAME, bytes);
            h.root();
            return h;
        } catch (HiveException e) {
            checkRefusal(e);
            return null;
        }
    }

    /** A refusal names the file and gives a one-line reason. */
    public static void checkRefusal(HiveException e) {
        if (!NAME.equals(e.file()) || e.reason() == null || e.reason().isBlank()) {
            throw new AssertionError("refusal without file or reason: " + e.getMessage(), e);
        }
        if (e.getMessage().indexOf('\n') >= 0 || !e.getMessage().startsWith(NAME + ": ")) {
            throw new AssertionError("refusal is not one line starting with the file: " + e.getMessage(), e);
        }
    }

    /** Reads everything the commands read: every key, class name, security descriptor, value, data and decoded form. */
    public static long readEverything(Hive h) {
        long n = 0;
        h.header();
        for (Key k : h.walk()) {
            n++;
            k.name();
            k.path();
            k.className();
            k.flags();
            k.lastWritten();
            SecurityDescriptor sd = k.security();
            if (sd != null) {
                sd.toString();
            }
            for (Value v : k.values()) {
                n++;
                v.data();
                v.decoded().render(v.data());
                v.dataCellOffset();
                v.type();
                HiveDump.valueLine(v);
            }
        }
        HiveStats.of(h);
        checkDamage(h);
        return n;
    }

    /** Looks keys up by path and name (the hash / hint paths of the lookup). */
    public static void lookUps(Hive h, String path) {
        h.key(path);
        Key root = h.root();
        for (Key k : root.subkeys()) {
            if (root.subkey(k.name()) == null) {
                throw new AssertionError("a listed subkey is not found by its own name: " + k.path());
            }
            k.value("");
            for (Value v : k.values()) {
                k.value(v.name());
            }
        }
    }

    /** Every writer of the dump and export commands, to a null writer. */
    public static void writeAll(Hive h) throws IOException {
        Writer nul = Writer.nullWriter();
        Key root = h.root();
        for (OutputFormat f : HiveDump.FORMATS) {
            HiveDump.write(h, root, f, nul);
        }
        Listing.write(h, root, nul);
        RegExport.write(h, root, "HKEY_LOCAL_MACHINE\\FUZZ", nul);
        for (OutputFormat f : DiffWriter.FORMATS) {
            try (DiffWriter dw = new DiffWriter(f, nul)) {
                HiveDiff.compare(root, root, dw);
            }
        }
        checkDamage(h);
    }

    /** Damage records name the file and carry a reason. */
    public static void checkDamage(Hive h) {
        for (Damage d : h.damage()) {
            if (!NAME.equals(d.file()) || d.reason() == null || d.reason().isBlank() || d.keyPath() == null) {
                throw new AssertionError("damage record without file or reason: " + d);
            }
        }
    }
}
