package org.patchlens.artifacts;

import java.util.List;

/**
 * What a plugin declares about itself, for the catalog ({@code --list-plugins}, docs/artifacts.md) and the
 * outputs: its name (regipy's where regipy has the artifact), regipy's own plugin name ("" when regipy has
 * none; {@code --plugin} accepts it too), the hive type it applies to, the artifact, what it decodes, and its
 * fields in output order, and how its readings were checked (against regipy's validation tests and the corpus
 * hives; shown in docs/artifacts.md).
 */
public record Spec(String name, String regipy, HiveType hive, String artifact, String decodes,
                   List<FieldSpec> fields, String checked) {
    public Spec {
        fields = List.copyOf(fields);
    }

    public static Spec of(String name, String regipy, HiveType hive, String artifact, String decodes,
                          FieldSpec... fields) {
        return new Spec(name, regipy, hive, artifact, decodes, List.of(fields), "");
    }

    public static Spec of(String name, String regipy, HiveType hive, String artifact, String decodes,
                          List<FieldSpec> fields) {
        return new Spec(name, regipy, hive, artifact, decodes, fields, "");
    }

    /** The same, with how the plugin was checked against regipy and the corpus (docs/artifacts.md). */
    public Spec checked(String how) {
        return new Spec(name, regipy, hive, artifact, decodes, fields, how);
    }

    /** The declared field of this name, or null. */
    public FieldSpec field(String fieldName) {
        for (FieldSpec f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        return null;
    }

    /** Its position in {@link #fields}, or -1. */
    int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }
}
