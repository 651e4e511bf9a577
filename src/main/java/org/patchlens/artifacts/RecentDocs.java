package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Documents and folders opened through Explorer: {@code Explorer\RecentDocs} and its per-extension subkeys
 * ({@code .JPG}, {@code Folder}, ...). Each numbered value holds the name as UTF-16 up to its NUL, then a shell
 * item list ({@link ShellItems}) whose file entry names the shortcut Windows made in the Recent folder (the
 * {@code .lnk}). One entry per value, each key's in MRUListEx order (most recent first), then the numbered values
 * the list does not name; the main key first, then its subkeys in hive order.
 */
final class RecentDocs implements Plugin {
    static final Spec SPEC = Spec.of("recentdocs", "recentdocs", HiveType.NTUSER, "Recent documents (RecentDocs)",
            "Explorer\\RecentDocs and its per-extension subkeys in MRUListEx order: the document's name and the "
                    + "shortcut (.lnk) its shell item names",
            FieldSpec.number("order", "the position in MRUListEx, 0 = the most recent (offset: MRUListEx's data)"),
            FieldSpec.number("mruId", "the value's number, as MRUListEx names it"),
            FieldSpec.text("documentName", "the UTF-16 name at the start of the value, up to its NUL"),
            FieldSpec.text("lnkName", "the name of the shortcut in the Recent folder, from the shell item after the "
                    + "name (its long name, else its short name)"),
            FieldSpec.text("shortName", "the shell item's primary (8.3) name"),
            FieldSpec.number("extensionVersion", "the version of the shell item's extension block 0xbeef0004"))
            .checked("regipy recentdocs (no validation test in regipy) on the corpus regipy/NTUSER.DAT: the same "
                    + "names in the same MRU order for the main key and its four subkeys (RecentDocsTest)");

    static final String PATH = "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs";

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key k = hive.key(PATH);
        if (k != null) {
            key(k, out);
            for (Key sub : k.subkeys()) {
                key(sub, out);
            }
        }
        return out;
    }

    private static void key(Key k, List<Entry> out) {
        Value mru = k.value("MRUListEx");
        Set<String> listed = new HashSet<>();
        List<String> listNotes = new ArrayList<>();
        int first = out.size();
        if (mru != null) {
            Structs.MruOrder order = Structs.mruListEx(mru.data());
            if (order.problem() != null) {
                listNotes.add(Values.at(mru) + ": " + order.problem());
            }
            for (int i = 0; i < order.order().size(); i++) {
                long id = order.order().get(i);
                String name = Long.toString(id);
                if (!listed.add(name)) {
                    listNotes.add(Values.at(mru) + ": lists " + id + " twice; the first place is used");
                    continue;
                }
                Value v = k.value(name);
                if (v == null) {
                    listNotes.add(Values.at(mru) + ": lists " + id + ", but there is no value \"" + id + "\"");
                    continue;
                }
                Entry.Builder b = Entry.of(SPEC, k).value(v).number("order", i, Values.dataOffset(mru))
                        .number("mruId", id, v.fileOffset());
                document(b, v);
                out.add(b.build());
            }
        }
        for (Value v : k.values()) {
            if (v.name().matches("\\d{1,10}") && !listed.contains(Long.toString(Long.parseLong(v.name())))) {
                Entry.Builder b = Entry.of(SPEC, k).value(v).number("mruId", Long.parseLong(v.name()), v.fileOffset());
                document(b, v);
                out.add(b.build());
            }
        }
        if (!listNotes.isEmpty()) {
            // the list's own problems go on the key's first entry (or on one of their own when it has none)
            if (out.size() == first) {
                Entry.Builder b = Entry.of(SPEC, k).value(mru);
                listNotes.forEach(b::note);
                out.add(b.build());
            } else {
                Entry e = out.get(first);
                List<String> notes = new ArrayList<>(listNotes);
                notes.addAll(e.notes());
                out.set(first, new Entry(e.plugin(), e.keyPath(), e.keyOffset(), e.lastWritten(), e.valueName(),
                        e.fields(), notes));
            }
        }
    }

    /** The name up to its UTF-16 NUL, then the shell item list after it. */
    private static void document(Entry.Builder b, Value v) {
        byte[] data = v.data();
        long at = Values.dataOffset(v);
        ShellItems.Str name = ShellItems.utf16z(data, 0, data.length);
        b.text("documentName", name.text(), at);
        if (!name.ended()) {
            b.note(Values.at(v) + ": the name has no UTF-16 NUL; no shell item follows");
            return;
        }
        ShellItem.ItemList list = ShellItems.list(data, name.bytes());
        for (ShellItem.Problem p : list.problems()) {
            b.note(Values.at(v) + ": byte " + p.offset() + " of the data: " + p.text());
        }
        if (list.items().isEmpty()) {
            b.note(Values.at(v) + ": no shell item after the name (byte " + name.bytes() + ")");
            return;
        }
        ShellItem item = list.items().get(0);
        b.text("lnkName", item.name(), at);
        if (item instanceof ShellItem.FileEntry f) {
            b.text("shortName", f.primaryName(), at);
            if (f.extension() != null) {
                b.number("extensionVersion", f.extension().version(), at);
            }
        }
    }
}
