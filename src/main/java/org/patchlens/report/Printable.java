package org.patchlens.report;

import org.patchlens.model.PrintableText;

/**
 * Text from the evidence (file names, key paths, value names, strings) made fit for one line of a text
 * output or a stderr message: shared by the text formats, the other text commands and the error lines.
 * The rule itself is {@link PrintableText}, in the model package so that the models below this layer
 * render values the same way without importing the output layer.
 */
public final class Printable {
    private Printable() {
    }

    /** The text with every character that could act on a terminal escaped: {@link PrintableText#of}. */
    public static String of(String s) {
        return PrintableText.of(s);
    }

    /** Whether {@link #of} escapes this character when it stands alone: {@link PrintableText#escaped}. */
    public static boolean escaped(char c) {
        return PrintableText.escaped(c);
    }
}
