package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Files the Application Experience inventory recorded in Amcache.hve: one entry per subkey of
 * {@code Root\InventoryApplicationFile} (Windows 10 1607 and later) and per {@code Root\File\<volume>\<file>}
 * key (Windows 8 to 10 1511), whose values are named by hex numbers (regipy's and Yogesh Khatri's numbering:
 * 15 the path, 101 the SHA-1, 17 a FILETIME ...). The SHA-1s are stored as "0000" and 40 hex digits.
 */
final class Amcache implements Plugin {
    static final Spec SPEC = Spec.of("amcache", "amcache", HiveType.AMCACHE, "Amcache (files inventoried)",
            "every key of Root\\InventoryApplicationFile and Root\\File\\{volume}: SHA-1, path, name, publisher, "
                    + "versions, size, link date, program ID, the FILETIMEs of the older File entries",
            FieldSpec.text("format", "InventoryApplicationFile, or File (the older numbered values)"),
            FieldSpec.text("sha1", "FileId / value 101 without its \"0000\" prefix: the file's SHA-1 (of its "
                    + "first 31,457,280 bytes)"),
            FieldSpec.text("path", "LowerCaseLongPath / value 15: the file's path"),
            FieldSpec.text("name", "Name: the file's name"),
            FieldSpec.text("publisher", "Publisher"),
            FieldSpec.text("binFileVersion", "BinFileVersion"),
            FieldSpec.text("productName", "ProductName / value 0"),
            FieldSpec.text("companyName", "value 1: the company name"),
            FieldSpec.text("fileVersion", "Version / value 5: the file version"),
            FieldSpec.text("fileDescription", "value c: the file description"),
            FieldSpec.text("linkDate", "LinkDate as stored (MM/dd/yyyy HH:mm:ss, the PE header's link time)"),
            FieldSpec.time("compileTime", "value f: the PE header's link time, stored as Unix seconds"),
            FieldSpec.number("size", "Size (stored as hex text, 0x...) / value 6: the file's size"),
            FieldSpec.text("programId", "ProgramId / value 100 as stored (\"0000\" prefix kept: it names the "
                    + "InventoryApplication / Programs key)"),
            FieldSpec.time("lastModified", "value 11: a FILETIME (the file's last modification, regipy "
                    + "last_modified_timestamp)"),
            FieldSpec.time("created", "value 12: a FILETIME (the file's creation, regipy created_timestamp)"),
            FieldSpec.time("lastModified2", "value 17: a FILETIME (regipy last_modified_timestamp_2)"),
            FieldSpec.text("volumeId", "File entries: the volume key's name (offset: its nk cell)"))
            .checked("regipy amcache on amcache.hve.xz (corpus regipy/amcache.hve): the same 1367 entries (1120 "
                    + "File, 247 InventoryApplicationFile) and the stated TPVMMondeu.dll entry; regipy strips "
                    + "\"0000\" from program IDs, patchlens keeps them (AmcacheTest)");

    /** The numbered values of a File entry that are text, by name. */
    private static final String[][] FILE_TEXT = {{"15", "path"}, {"0", "productName"}, {"1", "companyName"},
        {"5", "fileVersion"}, {"c", "fileDescription"}, {"100", "programId"}};
    /** The numbered values of a File entry that are FILETIMEs. */
    private static final String[][] FILE_TIMES = {{"11", "lastModified"}, {"12", "created"}, {"17", "lastModified2"}};
    private static final String[][] INVENTORY_TEXT = {{"LowerCaseLongPath", "path"}, {"Name", "name"},
        {"Publisher", "publisher"}, {"Version", "fileVersion"}, {"BinFileVersion", "binFileVersion"},
        {"ProductName", "productName"}, {"LinkDate", "linkDate"}, {"ProgramId", "programId"}};
    private static final long UNIX_EPOCH_TICKS = 116_444_736_000_000_000L;

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key files = hive.key("Root\\File");
        if (files != null) {
            for (Key volume : files.subkeys()) {
                for (Key f : volume.subkeys()) {
                    out.add(file(volume, f));
                }
            }
        }
        Key inventory = hive.key("Root\\InventoryApplicationFile");
        if (inventory != null) {
            for (Key f : inventory.subkeys()) {
                out.add(inventoryFile(f));
            }
        }
        return out;
    }

    private static Entry file(Key volume, Key f) {
        Entry.Builder b = Entry.of(SPEC, f).text("format", "File", f.fileOffset())
                .text("volumeId", volume.name(), volume.fileOffset());
        sha1(b, f.value("101"));
        for (String[] t : FILE_TEXT) {
            b.string(t[1], f, t[0]);
        }
        b.number("size", f, "6");
        for (String[] t : FILE_TIMES) {
            Value v = f.value(t[0]);
            if (v != null) {
                Values.Number n = Values.number(v);
                if (n.note() != null) {
                    b.note(n.note());
                }
                if (n.ok()) {
                    b.time(t[1], n.value(), Values.dataOffset(v));
                }
            }
        }
        Value compiled = f.value("f");
        if (compiled != null) {
            Values.Number n = Values.number(compiled);
            if (n.note() != null) {
                b.note(n.note());
            }
            if (n.ok() && n.value() >= 0 && n.value() <= 0xFFFFFFFFL) {
                // Unix seconds to FILETIME: exact, no rounding
                b.time("compileTime", n.value() * 10_000_000L + UNIX_EPOCH_TICKS, Values.dataOffset(compiled));
            } else if (n.ok()) {
                b.note(Values.at(compiled) + ": " + n.value() + " is not a 32-bit Unix time");
            }
        }
        return b.build();
    }

    private static Entry inventoryFile(Key f) {
        Entry.Builder b = Entry.of(SPEC, f).text("format", "InventoryApplicationFile", f.fileOffset());
        sha1(b, f.value("FileId"));
        for (String[] t : INVENTORY_TEXT) {
            b.string(t[1], f, t[0]);
        }
        Value size = f.value("Size");
        if (size != null) {
            String s = Values.shown(size).strip();
            if (s.matches("0[xX][0-9a-fA-F]{1,15}")) {
                b.number("size", Long.parseLong(s.substring(2), 16), Values.dataOffset(size));
            } else {
                b.number("size", f, "Size");
            }
        }
        return b.build();
    }

    /** The SHA-1 of a FileId / 101 value: "0000" and 40 hex digits as Windows writes it; anything else noted. */
    private static void sha1(Entry.Builder b, Value v) {
        if (v == null) {
            return;
        }
        String s = Values.text(v).text().strip();
        if (s.matches("0000[0-9a-fA-F]{40}")) {
            b.text("sha1", s.substring(4), Values.dataOffset(v));
        } else if (s.isEmpty()) {
            return;
        } else {
            b.note(Values.at(v) + ": " + Values.quote(s) + " is not \"0000\" and a 40-digit SHA-1; not shown as one");
        }
    }
}
