package org.patchlens.rules;

import java.util.Locale;

/**
 * Windows paths as the rules compare them: case-insensitive, trailing backslashes removed,
 * an admin share {@code \\SERVER\D$\rest} mapped to {@code D:\rest} with the server kept.
 */
public record WinPath(String server, String local) {

    public static WinPath of(String raw) {
        String p = raw == null ? "" : raw.trim().replace('/', '\\');
        String server = "";
        if (p.startsWith("\\\\")) {
            int s = p.indexOf('\\', 2);
            if (s > 2) {
                server = p.substring(2, s);
                String rest = p.substring(s + 1);
                if (rest.length() >= 2 && rest.charAt(1) == '$') {
                    p = rest.charAt(0) + ":" + rest.substring(2);
                } else {
                    p = "\\\\" + server + "\\" + rest;
                }
            }
        }
        while (p.length() > 3 && p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        return new WinPath(server, p);
    }

    /** {@code X:\...}: an absolute local path. */
    public boolean isAbsoluteLocal() {
        return local.length() >= 3 && Character.isLetter(local.charAt(0)) && local.charAt(1) == ':'
                && local.charAt(2) == '\\';
    }

    /**
     * {@code X:\...} as written, not reached through an admin share ({@code \\SERVER\D$\...}): the form of
     * Exchange's own path values (exchange-restore.md 10.2: "absolute local paths, not UNC").
     */
    public boolean isPlainLocal() {
        return server.isEmpty() && isAbsoluteLocal();
    }

    /** The last path element. */
    public String fileName() {
        int i = local.lastIndexOf('\\');
        return i < 0 ? local : local.substring(i + 1);
    }

    /** Same local path, ignoring case. */
    public boolean sameLocal(WinPath o) {
        return local.toLowerCase(Locale.ROOT).equals(o.local.toLowerCase(Locale.ROOT));
    }

    public static boolean sameFileName(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
