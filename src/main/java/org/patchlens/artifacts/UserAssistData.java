package org.patchlens.artifacts;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.patchlens.format.UserAssistRecord;

/**
 * A UserAssist value: its ROT13 name decoded, a known folder's GUID in it resolved, and its data read through
 * {@code kaitai/artifacts/user_assist_record.ksy} (Windows XP 16 bytes, Windows 7 and later 72 bytes). Takes any
 * bytes; never throws.
 */
public final class UserAssistData {
    private UserAssistData() {
    }

    /** The session record Windows 7 keeps beside the program records: not one of them. */
    static final String SESSION = "UEME_CTLSESSION";

    /**
     * The known folders (KNOWNFOLDERID, KnownFolders.h) seen at the start of UserAssist names, as environment-style
     * paths: regipy's eight, with the two under %APPDATA% written as Windows expands them (%APPDATA% is already
     * ...\AppData\Roaming; regipy adds "\Roaming" again).
     */
    static final Map<String, String> KNOWN_FOLDERS = new LinkedHashMap<>();

    static {
        KNOWN_FOLDERS.put("{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}", "%SYSTEM32%");
        KNOWN_FOLDERS.put("{6D809377-6AF0-444B-8957-A3773F02200E}", "%PROGRAMFILES%");
        KNOWN_FOLDERS.put("{7C5A40EF-A0FB-4BFC-874A-C0F2E0B9FA8E}", "%PROGRAMFILES(X86)%");
        KNOWN_FOLDERS.put("{F38BF404-1D43-42F2-9305-67DE0B28FC23}", "%WINDIR%");
        KNOWN_FOLDERS.put("{0139D44E-6AFE-49F2-8690-3DAFCAE6FFB8}", "%PROGRAMDATA%\\Microsoft\\Windows\\Start Menu\\Programs");
        KNOWN_FOLDERS.put("{9E3995AB-1F9C-4F13-B827-48B24B6C7174}",
                "%APPDATA%\\Microsoft\\Internet Explorer\\Quick Launch\\User Pinned");
        KNOWN_FOLDERS.put("{A77F5D77-2E2B-44C3-A6A2-ABA601054A51}", "%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs");
        KNOWN_FOLDERS.put("{D65231B0-B2F1-4857-A4CE-A8E7C6EA7D27}", "%WINDIR%\\SysWOW64");
    }

    /** A record as read: the format, its counters and time (null where the format has none), what was odd. */
    public record Record(String format, Long sessionId, Long runCounter, Long runCount, Long focusCount,
                         Long focusTimeMs, Long lastRun, String problem) {
    }

    /** ROT13: the 26 letters of each case rotated by 13, everything else as is (it is its own inverse). */
    public static String rot13(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) ('A' + (c - 'A' + 13) % 26);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** The decoded name with the first known folder GUID in it replaced by its path (GUIDs compared ignoring case). */
    public static String resolve(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        for (Map.Entry<String, String> f : KNOWN_FOLDERS.entrySet()) {
            int at = upper.indexOf(f.getKey());
            if (at >= 0) {
                return name.substring(0, at) + f.getValue() + name.substring(at + f.getKey().length());
            }
        }
        return name;
    }

    /**
     * The record of a value whose decoded name is {@code name}: 72 bytes the Windows 7 layout, 16 the XP layout (the
     * run count is the counter less 5, when it is at least 5), more than 72 read as Windows 7 with a problem;
     * UEME_CTLSESSION a session record, not decoded; anything else not decoded, with a problem.
     */
    public static Record parse(String name, byte[] data) {
        if (name.equals(SESSION)) {
            return new Record("session record (" + data.length + " bytes, not decoded)", null, null, null, null, null,
                    null, null);
        }
        if (data.length == 16) {
            UserAssistRecord.XpRecord r = new UserAssistRecord.XpRecord(new ByteBufferKaitaiStream(data));
            Long runs = r.runCounter() >= 5 ? r.runCounter() - 5 : null;
            return new Record("Windows XP (16 bytes)", r.sessionId(), r.runCounter(), runs, null, null, r.lastRun(),
                    null);
        }
        if (data.length >= 72) {
            UserAssistRecord.Win7Record r = new UserAssistRecord.Win7Record(new ByteBufferKaitaiStream(
                    data.length == 72 ? data : Arrays.copyOf(data, 72)));
            return new Record("Windows 7 and later (72 bytes)", r.sessionId(), r.runCount(), r.runCount(),
                    r.focusCount(), r.focusTimeMs(), r.lastRun(), data.length == 72 ? null : data.length
                            + " bytes; the first 72 read as a Windows 7 record");
        }
        return new Record("unknown (" + data.length + " bytes)", null, null, null, null, null, null, data.length
                + " bytes: neither a Windows XP record (16) nor a Windows 7 one (72); not decoded");
    }
}
