package org.patchlens.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The one JSON setup of every JSON and JSONL output (docs/hive-formats.md, *JSONL*): a string escapes every
 * control character ({@link JsonLine#escaped}, the rule both follow): C0 as Jackson does ({@code \n},
 * {@code \t}, ... or backslash-u and four upper-case hex digits), and DEL and the C1 controls in that
 * last form too (U+009B as backslash, {@code u009B}). Jackson alone escapes C0 only, so a U+009B (a whole CSI)
 * went out raw to whatever shows the line.
 */
public final class JsonOut {
    private JsonOut() {
    }

    /** Every generator of the outputs comes from here. */
    public static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new Escapes()).build();

    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        Escapes() {
            int[] e = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c = 0; c < e.length; c++) {
                if (e[c] == ESCAPE_NONE && JsonLine.escaped(c)) {
                    e[c] = ESCAPE_STANDARD; // DEL
                }
            }
            ascii = e;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= 0x9F && JsonLine.escaped((char) ch)
                    ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
