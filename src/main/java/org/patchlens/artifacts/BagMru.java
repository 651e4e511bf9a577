package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The walk of a ShellBags BagMRU tree, shared by {@link NtuserShellbags} and {@link UsrclassShellbags}: each key's
 * numbered values (0, 1, 2, ...) each hold a shell item list ({@link ShellItems}) naming one folder below the
 * key's own folder; the subkey of the same number holds that folder's children. Entries come in pre-order, each
 * key's values in the order the hive lists them, each followed by its subkey's entries (regipy's order); then
 * the subkeys with no value of their number, whose folders are unnamed ("?" in paths). Depth and entry count are
 * bounded: a crafted hive may nest without end.
 */
final class BagMru {
    static final int MAX_DEPTH = 96;
    static final int MAX_ENTRIES = 200_000;

    static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.text("path", "the folder's full path, rebuilt from the items of this value and of the values "
                    + "above it in the tree (a backslash between names, none added after a name ending in one, "
                    + "\"C:\\\")"),
            FieldSpec.text("itemName", "the name this item adds to the path: a file entry's long name (else its short "
                    + "name), a drive, a network location, a URI, a GUID's name (else the GUID), "
                    + "<UNKNOWN: 0xNN> for an item of no known kind"),
            FieldSpec.text("itemType", "Root Folder, Volume, Directory, File, Network Location, URI, Control Panel "
                    + "Item, Users Property View or unknown (as regipy names them)"),
            FieldSpec.number("classType", "the item's class type byte as stored"),
            FieldSpec.number("mruPosition", "the value's place in its key's MRUListEx, 0 = the most recently used "
                    + "(absent when the list does not name it; offset: MRUListEx's data)"),
            FieldSpec.text("mruOrder", "the key's MRUListEx, the value numbers joined by '-' (as regipy writes it)"),
            FieldSpec.number("nodeSlot", "NodeSlot of the subkey of the value's number: the Bags\\N key holding this "
                    + "folder's view settings (offset: that NodeSlot value)"),
            FieldSpec.text("guid", "the GUID a root folder, volume, Control Panel item or property view names"),
            FieldSpec.text("delegateFolder", "the delegate folder GUID of a delegate item, and its name when known"),
            FieldSpec.number("fileSize", "a file entry's size in bytes (32 bits; 0 for folders)"),
            FieldSpec.number("attributes", "a file entry's FILE_ATTRIBUTE_ flags (low 16 bits; 0x10 directory)"),
            FieldSpec.text("modifiedFat", "a file entry's modification time: a FAT date-time as stored, 2-second "
                    + "steps, no time zone stored (libfwsi: UTC; not converted), ISO-8601 without a zone"),
            FieldSpec.text("createdFat", "creation time from extension block 0xbeef0004, FAT date-time as modifiedFat"),
            FieldSpec.text("accessedFat", "last access time from extension block 0xbeef0004, FAT date-time as "
                    + "modifiedFat"),
            FieldSpec.text("shortName", "a file entry's primary name (the 8.3 name on Windows XP and later)"),
            FieldSpec.text("longName", "the long name from extension block 0xbeef0004"),
            FieldSpec.number("extensionVersion", "the version of extension block 0xbeef0004 (3 XP, 7 Vista, 8 7/8.0, "
                    + "9 8.1/10/11)"),
            FieldSpec.number("mftEntry", "the NTFS MFT entry number from 0xbeef0004 (version 7 and later)"),
            FieldSpec.number("mftSequence", "the NTFS sequence number from 0xbeef0004 (version 7 and later)"),
            FieldSpec.text("networkDescription", "a network location's description (and comments after a comma)"),
            FieldSpec.text("displayName", "a users property view's PKEY_DisplayName from its property store"),
            FieldSpec.text("parsingPath", "a users property view's PKEY_ParsingPath (regipy: full path)"),
            FieldSpec.time("blockTime1", "the first FILETIME of extension block 0xbeef0026 (meaning not documented; "
                    + "inferred by others as the creation time)"),
            FieldSpec.time("blockTime2", "the second FILETIME of extension block 0xbeef0026 (meaning not documented)"),
            FieldSpec.time("blockTime3", "the third FILETIME of extension block 0xbeef0026 (meaning not documented)"),
            FieldSpec.text("itemHex", "an unknown item's bytes in hex, kept whole"));

    static final String DECODES = "every numbered value of the BagMRU tree, a shell item list: the folder's full "
            + "path, the item's kind and names, its FAT dates and 0xbeef0004 long name and MFT reference, the "
            + "MRUListEx place and NodeSlot; lastWritten is that of the BagMRU key holding the value";

    private final Spec spec;
    private final List<Entry> out = new ArrayList<>();

    private BagMru(Spec spec) {
        this.spec = spec;
    }

    /** The entries of the BagMRU trees at these paths, in order. */
    static List<Entry> walk(Spec spec, HiveContext hive, String... roots) {
        BagMru w = new BagMru(spec);
        for (String root : roots) {
            Key k = hive.key(root);
            if (k != null) {
                w.key(k, "", 0);
            }
        }
        return w.out;
    }

    private void key(Key k, String parentPath, int depth) {
        if (depth > MAX_DEPTH) {
            out.add(Entry.of(spec, k).note(Values.at(k) + ": deeper than " + MAX_DEPTH + " levels below BagMRU; "
                    + "not read further").build());
            return;
        }
        Value mruValue = k.value("MRUListEx");
        List<Long> mru = List.of();
        String mruText = null;
        String mruProblem = null;
        if (mruValue != null) {
            Structs.MruOrder order = Structs.mruListEx(mruValue.data());
            mru = order.order();
            mruProblem = order.problem() == null ? null : Values.at(mruValue) + ": " + order.problem();
            mruText = String.join("-", mru.stream().map(String::valueOf).toList());
        }
        Set<String> seen = new HashSet<>();
        for (Value v : k.values()) {
            if (!v.name().matches("\\d{1,10}") || out.size() >= MAX_ENTRIES) {
                continue;
            }
            seen.add(v.name());
            Entry.Builder b = Entry.of(spec, k).value(v);
            if (mruProblem != null) {
                b.note(mruProblem);
                mruProblem = null; // once per key
            }
            long number = Long.parseLong(v.name());
            int place = mru.indexOf(number);
            if (place >= 0) {
                b.number("mruPosition", place, Values.dataOffset(mruValue));
            }
            if (mruText != null) {
                b.text("mruOrder", mruText, Values.dataOffset(mruValue));
            }
            Key child = k.subkey(v.name());
            nodeSlot(b, child);
            String path = item(b, v, parentPath);
            out.add(b.build());
            if (child != null) {
                key(child, path, depth + 1);
            }
        }
        for (Key child : k.subkeys()) {
            if (!seen.contains(child.name()) && child.name().matches("\\d{1,10}") && out.size() < MAX_ENTRIES) {
                key(child, join(parentPath, "?"), depth + 1);
            }
        }
        if (out.size() >= MAX_ENTRIES && depth == 0) {
            out.add(Entry.of(spec, k).note(Values.at(k) + ": more than " + MAX_ENTRIES + " entries; the rest is not "
                    + "read").build());
        }
    }

    private static void nodeSlot(Entry.Builder b, Key child) {
        if (child != null && child.value("NodeSlot") != null) {
            b.number("nodeSlot", child, "NodeSlot");
        }
    }

    /** The value's items as fields of {@code b}; returns the path they make below {@code parentPath}. */
    private static String item(Entry.Builder b, Value v, String parentPath) {
        byte[] data = v.data();
        long at = Values.dataOffset(v);
        ShellItem.ItemList list = ShellItems.list(data);
        for (ShellItem.Problem p : list.problems()) {
            b.note(Values.at(v) + ": byte " + p.offset() + " of the shell item list: " + p.text());
        }
        String path = parentPath;
        for (ShellItem i : list.items()) {
            path = join(path, i.name());
        }
        b.text("path", path, at);
        if (list.items().isEmpty()) {
            b.note(Values.at(v) + ": holds no shell item (" + data.length + " bytes)");
            return path;
        }
        fields(b, list.items().get(0), at);
        return path;
    }

    /** The fields of one item, each at the value's data cell {@code at}. */
    static void fields(Entry.Builder b, ShellItem i, long at) {
        b.text("itemName", i.name(), at).text("itemType", i.kind(), at).number("classType", i.classType(), at);
        if (i.delegate() != null) {
            ShellItem.Delegate d = i.delegate();
            b.text("delegateFolder", d.folderId() + (d.folderName() == null ? "" : " " + d.folderName()), at);
        }
        if (i instanceof ShellItem.RootFolder r) {
            b.text("guid", r.guid(), at);
            times(b, r.times(), at);
        } else if (i instanceof ShellItem.Volume vol && vol.guid() != null) {
            b.text("guid", vol.guid(), at);
        } else if (i instanceof ShellItem.ControlPanelItem c) {
            b.text("guid", c.guid(), at);
        } else if (i instanceof ShellItem.PropertyView pv) {
            if (pv.identifier() != null && pv.identifier().startsWith("{")) {
                b.text("guid", pv.identifier(), at);
            }
            if (pv.displayName() != null) {
                b.text("displayName", pv.displayName(), at);
            }
            if (pv.parsingPath() != null) {
                b.text("parsingPath", pv.parsingPath(), at);
            }
        } else if (i instanceof ShellItem.NetworkLocation n && n.description() != null) {
            b.text("networkDescription", n.description() + (n.comments() == null ? "" : ", " + n.comments()), at);
        } else if (i instanceof ShellItem.Unknown u) {
            b.text("itemHex", u.hex(), at);
        } else if (i instanceof ShellItem.FileEntry f) {
            b.number("fileSize", f.fileSize(), at).number("attributes", f.attributes(), at);
            fat(b, "modifiedFat", f.modified(), at);
            b.text("shortName", f.primaryName(), at);
            ShellItem.FileExtension x = f.extension();
            if (x != null) {
                b.number("extensionVersion", x.version(), at);
                fat(b, "createdFat", x.created(), at);
                fat(b, "accessedFat", x.accessed(), at);
                if (x.longName() != null) {
                    b.text("longName", x.longName(), at);
                }
                if (x.mftEntry() >= 0) {
                    b.number("mftEntry", x.mftEntry(), at).number("mftSequence", x.mftSequence(), at);
                }
            }
            times(b, f.times(), at);
        }
    }

    /** A FAT date-time field; absent when zero (not set), its raw words with a note when not a date. */
    private static void fat(Entry.Builder b, String field, ShellItem.FatTime t, long at) {
        if (t.zero()) {
            return;
        }
        b.text(field, t.text(), at);
        if (!t.valid()) {
            b.note(String.format(Locale.ROOT, "shell item in the value at file offset 0x%X: %s is not a valid FAT "
                    + "date-time (date 0x%04X, time 0x%04X)", at, field, t.date(), t.time()));
        }
    }

    private static void times(Entry.Builder b, ShellItem.BlockTimes t, long at) {
        if (t != null) {
            b.time("blockTime1", t.first(), at).time("blockTime2", t.second(), at).time("blockTime3", t.third(), at);
        }
    }

    /** {@code parent\name}; a parent that already ends in a backslash ("C:\") gets none added. */
    static String join(String parent, String name) {
        if (parent.isEmpty()) {
            return name;
        }
        return parent.endsWith("\\") ? parent + name : parent + "\\" + name;
    }
}
