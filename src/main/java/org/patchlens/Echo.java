package org.patchlens;

/**
 * What an error line repeats of a user's argument: all of it, or past {@link #SHOWN} characters the first
 * {@code SHOWN} and its length. An argument can be as long as the shell allows (from an {@code @FILE}, longer
 * still); echoed in full, a one-line error grew as long, and a key path was echoed twice. The same holds for text
 * from evidence a message repeats (a 5 MB value line of an eseutil dump, already shown where the line is kept).
 */
public final class Echo {
    /** Characters of an argument an error line shows. */
    public static final int SHOWN = 200;

    private Echo() {
    }

    /** {@code argument}, or its first {@link #SHOWN} characters then {@code ... (N chars)}. */
    public static String capped(String argument) {
        if (argument.length() <= SHOWN) {
            return argument;
        }
        int end = Character.isHighSurrogate(argument.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN; // never half a pair
        return argument.substring(0, end) + "... (" + argument.length() + " chars)";
    }
}
