package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * One artifact entry: the plugin that found it, the key it came from (path as {@code hive dump} writes it, the
 * file offset of its {@code nk} cell, its last-written FILETIME), the value it is about (null when the entry is
 * about a key, a service say), the decoded fields in the order the plugin declares them, each with its own
 * cell's file offset, and notes on what could not be decoded, each naming a file offset. The hive file and its
 * SHA-256 are the same for every entry of a run and are added by the outputs ({@link HiveResult}).
 */
public record Entry(String plugin, String keyPath, long keyOffset, long lastWritten, String valueName,
                    List<Field> fields, List<String> notes) {
    public Entry {
        fields = List.copyOf(fields);
        notes = List.copyOf(notes);
    }

    /** A new entry of {@code spec}'s plugin about {@code key}. */
    public static Builder of(Spec spec, Key key) {
        return new Builder(spec, key);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The field's value as shown ({@link Field#shown}), or null when the entry has no such field. */
    public String shown(String name) {
        return field(name).map(Field::shown).orElse(null);
    }

    /**
     * Collects an entry's fields. Only fields the plugin declared, of the declared kind, once each (a plugin that
     * breaks this is a programming error, caught by its tests: {@link IllegalArgumentException}); reading values
     * never throws, whatever the hive holds.
     */
    public static final class Builder {
        private final Spec spec;
        private final Key key;
        private String valueName;
        private final List<Field> fields = new ArrayList<>();
        private final List<String> notes = new ArrayList<>(0);

        private Builder(Spec spec, Key key) {
            this.spec = spec;
            this.key = key;
        }

        /** The entry is about this value of the key: its name fills the common valueName column. */
        public Builder value(Value v) {
            this.valueName = v.name();
            return this;
        }

        public Builder text(String field, String text, long offset) {
            return add(new Field(field, FieldKind.TEXT, text, 0, offset));
        }

        public Builder number(String field, long number, long offset) {
            return add(new Field(field, FieldKind.NUMBER, null, number, offset));
        }

        /** A FILETIME (100 ns ticks since 1601-01-01 UTC, read as unsigned). */
        public Builder time(String field, long fileTime, long offset) {
            return add(new Field(field, FieldKind.TIME, null, fileTime, offset));
        }

        /** The key's name as a TEXT field (its {@code nk} cell). */
        public Builder keyName(String field) {
            return text(field, key.name(), key.fileOffset());
        }

        /** The value's name as a TEXT field (its {@code vk} cell). */
        public Builder valueName(String field, Value v) {
            return text(field, v.name(), v.fileOffset());
        }

        /** A value of {@code k} as a TEXT field ({@link Values#text}); returns the value, or null if absent. */
        public Value string(String field, Key k, String name) {
            Value v = k == null ? null : k.value(name);
            if (v != null) {
                string(field, v);
            }
            return v;
        }

        /** {@code v} as a TEXT field. */
        public Builder string(String field, Value v) {
            Values.Text t = Values.text(v);
            if (t.note() != null) {
                note(t.note());
            }
            return text(field, t.text(), Values.dataOffset(v));
        }

        /** A value of {@code k} as an unsigned NUMBER field ({@link Values#number}); the value, or null if absent. */
        public Value number(String field, Key k, String name) {
            return number(field, k, name, false);
        }

        /** A value of {@code k} as a NUMBER field, a DWORD read as a signed 32-bit integer when {@code signed}. */
        public Value number(String field, Key k, String name, boolean signed) {
            Value v = k == null ? null : k.value(name);
            if (v != null) {
                Values.Number n = Values.number(v);
                if (n.note() != null) {
                    note(n.note());
                }
                if (n.ok()) {
                    number(field, signed && n.value() >= 0 && n.value() <= 0xFFFFFFFFL ? (int) n.value() : n.value(),
                            Values.dataOffset(v));
                }
            }
            return v;
        }

        /** A note: what could not be read as the artifact expects, naming the file offset. */
        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public boolean has(String field) {
            return fields.stream().anyMatch(f -> f.name().equals(field));
        }

        public boolean hasNotes() {
            return !notes.isEmpty();
        }

        private Builder add(Field f) {
            FieldSpec declared = spec.field(f.name());
            if (declared == null) {
                throw new IllegalArgumentException(spec.name() + " declares no field " + f.name());
            }
            if (declared.kind() != f.kind()) {
                throw new IllegalArgumentException(spec.name() + "." + f.name() + " is " + declared.kind() + ", not "
                        + f.kind());
            }
            if (has(f.name())) {
                throw new IllegalArgumentException(spec.name() + "." + f.name() + " set twice");
            }
            fields.add(f);
            return this;
        }

        public Entry build() {
            List<Field> ordered = new ArrayList<>(fields);
            ordered.sort(Comparator.comparingInt(f -> spec.indexOf(f.name())));
            return new Entry(spec.name(), key.path(), key.fileOffset(), key.lastWrittenRaw(), valueName, ordered,
                    notes);
        }
    }
}
