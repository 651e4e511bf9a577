package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

/**
 * Searches typed into Explorer's search box: {@code Explorer\WordWheelQuery}, whose MRUListEx
 * ({@code kaitai/artifacts/mru_list_ex.ksy}) orders the values named 0, 1, 2 ..., each a NUL-terminated
 * UTF-16LE string in REG_BINARY. One entry per value the list names, most recent first; then, without an
 * order, any numbered value the list does not name (a search Windows no longer shows, still in the hive).
 */
final class WordWheelQuery implements Plugin {
    static final Spec SPEC = Spec.of("word_wheel_query", "word_wheel_query", HiveType.NTUSER,
            "Explorer searches (WordWheelQuery)",
            "the values of Explorer\\WordWheelQuery in MRUListEx order: the search terms, most recent first",
            FieldSpec.number("order", "the position in MRUListEx, 0 = the most recent (offset: MRUListEx's data)"),
            FieldSpec.number("mruId", "the value's number, as MRUListEx names it"),
            FieldSpec.text("searchTerm", "the value's data up to its NUL: what was searched"))
            .checked("regipy word_wheel_query on NTUSER.DAT.xz (corpus regipy/NTUSER.DAT): the same six entries in "
                    + "MRUListEx order (WordWheelQueryTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key k = hive.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\WordWheelQuery");
        if (k == null) {
            return out;
        }
        Value mru = k.value("MRUListEx");
        Set<String> listed = new HashSet<>();
        List<String> listNotes = new ArrayList<>();
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
                Entry.Builder b = Entry.of(SPEC, k).value(v)
                        .number("order", i, Values.dataOffset(mru)).number("mruId", id, v.fileOffset());
                term(b, v);
                out.add(b.build());
            }
        }
        for (Value v : k.values()) {
            if (v.name().matches("\\d{1,10}") && !listed.contains(Long.toString(Long.parseLong(v.name())))) {
                Entry.Builder b = Entry.of(SPEC, k).value(v).number("mruId", Long.parseLong(v.name()), v.fileOffset());
                term(b, v);
                out.add(b.build());
            }
        }
        if (!listNotes.isEmpty()) {
            // the list's own problems go on the first entry (or on one of their own when nothing was read)
            Entry.Builder b = Entry.of(SPEC, k).value(mru);
            listNotes.forEach(b::note);
            if (out.isEmpty()) {
                out.add(b.build());
            } else {
                Entry first = out.get(0);
                List<String> notes = new ArrayList<>(listNotes);
                notes.addAll(first.notes());
                out.set(0, new Entry(first.plugin(), first.keyPath(), first.keyOffset(), first.lastWritten(),
                        first.valueName(), first.fields(), notes));
            }
        }
        return out;
    }

    /** The value's data as a NUL-terminated UTF-16LE string (REG_BINARY as Explorer writes it, or REG_SZ). */
    private static void term(Entry.Builder b, Value v) {
        byte[] data = v.data();
        DecodedValue d = DecodedValue.decode(ValueType.REG_SZ.code(), data);
        if (v.typeCode() != ValueType.REG_BINARY.code() && v.typeCode() != ValueType.REG_SZ.code()) {
            b.note(Values.at(v) + ": " + ValueType.name(v.typeCode()) + " where REG_BINARY UTF-16 text was expected; "
                    + "read as UTF-16 anyway");
        } else if ((data.length & 1) != 0) {
            b.note(Values.at(v) + ": " + data.length + " bytes, an odd length for UTF-16 text; the last byte is "
                    + "left out");
        }
        b.text("searchTerm", d.text(), Values.dataOffset(v));
    }
}
