package org.patchlens.artifacts;

/**
 * One field a plugin declares: its name (camelCase, the JSONL key and the CSV column), its kind, and what it
 * holds (docs/artifacts.md). A plugin's fields are fixed, so its CSV columns are the same for every hive.
 */
public record FieldSpec(String name, FieldKind kind, String doc) {
    public static FieldSpec text(String name, String doc) {
        return new FieldSpec(name, FieldKind.TEXT, doc);
    }

    public static FieldSpec number(String name, String doc) {
        return new FieldSpec(name, FieldKind.NUMBER, doc);
    }

    public static FieldSpec time(String name, String doc) {
        return new FieldSpec(name, FieldKind.TIME, doc);
    }
}
