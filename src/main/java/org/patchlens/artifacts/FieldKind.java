package org.patchlens.artifacts;

/** How a decoded field is typed in every output (JSONL types, CSV and text renderings). */
public enum FieldKind {
    /** Text as found (a string value, a key or value name) or a rendering the field's description states. */
    TEXT,
    /** An integer: a JSON number; DWORDs unsigned unless the field's description says signed. */
    NUMBER,
    /** A FILETIME: ISO-8601 UTC with seven fractional digits, exact to the 100 ns tick, as in {@code hive dump}. */
    TIME
}
