package org.patchlens.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names Explorer shows for shell folder and known folder GUIDs (My Computer, Network, Control Panel, ...):
 * {@code known-folders.txt} beside this class, regipy's table (its header gives the source and licence), so
 * that reconstructed ShellBags paths name folders as regipy does. A GUID not in the table has no name; the
 * shell item keeps the GUID itself.
 */
final class KnownFolders {
    private static final Map<String, String> NAMES = load();

    private KnownFolders() {
    }

    /** The name of a GUID in its text form ({@code {20D04FE0-...}}, any case, braces or not), or null. */
    static String name(String guid) {
        if (guid == null) {
            return null;
        }
        String g = guid.toLowerCase(Locale.ROOT);
        if (g.startsWith("{") && g.endsWith("}")) {
            g = g.substring(1, g.length() - 1);
        }
        return NAMES.get(g);
    }

    /** The name of a Control Panel category number (0 All Control Panel Items ... 11 Mobile PC), or null. */
    static String category(long number) {
        return NAMES.get(Long.toString(number));
    }

    static int size() {
        return NAMES.size();
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = KnownFolders.class.getResourceAsStream("known-folders.txt")) {
            if (in == null) {
                throw new IllegalStateException("known-folders.txt is missing from the build");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int tab = line.indexOf('\t');
                boolean key = tab == 36 || tab > 0 && line.substring(0, tab).matches("\\d{1,2}");
                if (!key || line.indexOf('\t', tab + 1) >= 0) {
                    throw new IllegalStateException("known-folders.txt: bad line \"" + line + "\"");
                }
                m.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
