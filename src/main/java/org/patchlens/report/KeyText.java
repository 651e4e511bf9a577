package org.patchlens.report;

import java.io.PrintWriter;
import java.util.HexFormat;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/** The text of {@code hive ls} and {@code hive get}: one key with its subkeys and values, or one value's data. */
public final class KeyText {
    private KeyText() {
    }

    /** The key's line, a line per subkey (time, name, counts), then a value line per value. */
    public static void listing(PrintWriter out, Key key) {
        out.println(Printable.of(key.path()) + "  [" + FileTime.iso(key.lastWrittenRaw()) + "]  " + key.subkeyCount()
                + " subkeys, " + key.valueCount() + " values");
        for (Key k : key.subkeys()) {
            out.printf("  %s  %-40s %d subkeys, %d values%n", FileTime.iso(k.lastWrittenRaw()),
                    Printable.of(k.name()) + "\\", k.subkeyCount(), k.valueCount());
        }
        for (Value v : key.values()) {
            out.println("  " + HiveDump.valueLine(v));
        }
    }

    /** What a value holds: its value line, or with {@code dataOnly} the data alone, or with {@code hex} the raw bytes. */
    public static void value(PrintWriter out, Value v, boolean dataOnly, boolean hex) {
        if (!hex && !dataOnly) {
            out.println(HiveDump.valueLine(v));
            return;
        }
        byte[] data = v.data();
        if (hex) {
            out.println(HexFormat.of().formatHex(data));
            return;
        }
        // the string, one multi-string entry per line, the number in decimal, or hex: every piece escaped
        DecodedValue d = v.decoded(data);
        switch (d.kind()) {
            case NUMBER -> out.println(Long.toUnsignedString(d.number()));
            case STRING -> out.println(Printable.of(d.text()));
            case MULTI_STRING -> d.strings().forEach(s -> out.println(Printable.of(s)));
            default -> out.println(HexFormat.of().formatHex(data));
        }
    }
}
