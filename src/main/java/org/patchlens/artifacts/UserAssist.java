package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

/**
 * Programs and shortcuts Explorer launched: one entry per value of every
 * {@code Explorer\UserAssist\{GUID}\Count} key, its ROT13 name decoded and its record read by
 * {@link UserAssistData}. Every GUID key is read, not a list of known ones (regipy's list names each Windows 7 GUID
 * twice, and so counts each entry twice); UEME_ control entries are kept.
 */
final class UserAssist implements Plugin {
    static final Spec SPEC = Spec.of("user_assist", "user_assist", HiveType.NTUSER, "UserAssist (programs run)",
            "every value of Explorer\\UserAssist\\{GUID}\\Count: the ROT13 name decoded, a known folder's GUID "
                    + "resolved, the XP (16 bytes) or Windows 7+ (72 bytes) record (kaitai/artifacts/"
                    + "user_assist_record.ksy): run count, focus count and time, last run",
            FieldSpec.text("guid", "the UserAssist GUID key the value is in ({CEBFF5CD-...} executables, "
                    + "{F4E57C4B-...} shortcuts on Windows 7; offset: its nk cell)"),
            FieldSpec.text("decodedName", "the value's name ROT13-decoded, as stored (offset: its vk cell)"),
            FieldSpec.text("program", "decodedName with a known folder's GUID replaced by its path "
                    + "({7C5A40EF-...} = %PROGRAMFILES(X86)%)"),
            FieldSpec.text("format", "Windows XP (16 bytes), Windows 7 and later (72 bytes), the UEME_CTLSESSION "
                    + "session record (not decoded), or unknown"),
            FieldSpec.number("sessionId", "the session the record was written in"),
            FieldSpec.number("runCounter", "the run counter as stored (XP: starts at 5)"),
            FieldSpec.number("runCount", "the runs: the counter (Windows 7+), the counter less 5 (XP, when at least 5)"),
            FieldSpec.number("focusCount", "how often the program got the focus (Windows 7+)"),
            FieldSpec.number("focusTimeMs", "how long it had the focus in all, milliseconds (Windows 7+)"),
            FieldSpec.time("lastRun", "the last run (0 = 1601-01-01: never recorded)"))
            .checked("regipy user_assist on NTUSER.DAT.xz (corpus regipy/NTUSER.DAT): the stated EXCEL.EXE and "
                    + "RemoteDesktop entries; regipy's count 62 is the hive's 31 records each counted twice "
                    + "(its GUID list names both Windows 7 GUIDs twice), shown from the hive's keys; notatin's "
                    + "Windows 8.1 NTUSER.DAT; the XP record built field by field (UserAssistTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key root = hive.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist");
        if (root == null) {
            return out;
        }
        for (Key guid : root.subkeys()) {
            Key count = guid.subkey("Count");
            if (count == null) {
                continue;
            }
            for (Value v : count.values()) {
                out.add(entry(guid, count, v));
            }
        }
        return out;
    }

    private static Entry entry(Key guid, Key count, Value v) {
        String decoded = UserAssistData.rot13(v.name());
        Entry.Builder b = Entry.of(SPEC, count).value(v).text("guid", guid.name(), guid.fileOffset())
                .text("decodedName", decoded, v.fileOffset())
                .text("program", UserAssistData.resolve(decoded), v.fileOffset());
        long offset = Values.dataOffset(v);
        if (v.typeCode() != ValueType.REG_BINARY.code()) {
            b.note(Values.at(v) + ": " + ValueType.name(v.typeCode()) + " where REG_BINARY was expected; read anyway");
        }
        UserAssistData.Record r = UserAssistData.parse(decoded, v.data());
        b.text("format", r.format(), offset);
        if (r.problem() != null) {
            b.note(Values.at(v) + ": " + r.problem());
        }
        number(b, "sessionId", r.sessionId(), offset);
        number(b, "runCounter", r.runCounter(), offset);
        number(b, "runCount", r.runCount(), offset);
        number(b, "focusCount", r.focusCount(), offset);
        number(b, "focusTimeMs", r.focusTimeMs(), offset);
        if (r.lastRun() != null) {
            b.time("lastRun", r.lastRun(), offset);
        }
        return b.build();
    }

    private static void number(Entry.Builder b, String field, Long n, long offset) {
        if (n != null) {
            b.number(field, n, offset);
        }
    }
}
