package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The local user accounts of a SAM hive: one entry per {@code SAM\Domains\Account\Users\<RID>} key, its F value
 * (times, counters, flags) and V value (names) decoded by {@link SamUserData}, and the {@code Names\<name>} key whose
 * default value's type is the RID (its last-written time, the usual proxy for the account's creation, shown as
 * inferred). A Names key whose RID has no key of its own gets an entry of its own, with a note.
 */
final class SamUsers implements Plugin {
    static final Spec SPEC = Spec.of("samparse", "samparse", HiveType.SAM, "Local user accounts (SAM)",
            "every RID key of SAM\\Domains\\Account\\Users: the F value's times, logon counts and account flags "
                    + "(kaitai/artifacts/sam_user_f.ksy), the V value's names (sam_user_v.ksy), and the Names key "
                    + "that maps the name to the RID",
            FieldSpec.number("rid", "the relative identifier: the key's name read as hex (offset: its nk cell)"),
            FieldSpec.text("userName", "V: the account name"),
            FieldSpec.text("nameKey", "the Names subkey whose default value's type is this RID (offset: its nk cell)"),
            FieldSpec.time("createdInferred", "INFERRED: the last-written time of the Names subkey, which Windows "
                    + "writes when it creates the account (a later rename rewrites it)"),
            FieldSpec.text("fullName", "V: the full name"),
            FieldSpec.text("comment", "V: the comment"),
            FieldSpec.text("userComment", "V: the user comment"),
            FieldSpec.text("homeDirectory", "V: the home directory"),
            FieldSpec.text("homeDirectoryDrive", "V: the drive the home directory is mapped to"),
            FieldSpec.text("scriptPath", "V: the logon script"),
            FieldSpec.text("profilePath", "V: the profile path"),
            FieldSpec.text("workstations", "V: the workstations the account may log on from"),
            FieldSpec.time("lastLogon", "F 0x08: the last logon (1601-01-01: never)"),
            FieldSpec.time("passwordLastSet", "F 0x18: when the password was last set (1601-01-01: never)"),
            FieldSpec.time("accountExpires", "F 0x20: when the account expires (1601-01-01 or "
                    + "+30828-09-14T02:48:05.4775807Z, 0x7FFFFFFFFFFFFFFF: never)"),
            FieldSpec.time("lastFailedLogon", "F 0x28: the last logon with a bad password (1601-01-01: never)"),
            FieldSpec.number("primaryGroupRid", "F 0x34: the primary group's RID (513: None / Domain Users)"),
            FieldSpec.number("accountFlags", "F 0x38: the USER_ACCOUNT_CONTROL bits, read as 32 bits"),
            FieldSpec.text("accountFlagsDecoded", "accountFlags by name (as regipy names them), joined by \" | \"; "
                    + "bits without a name kept as \"unknown 0x...\""),
            FieldSpec.number("countryCode", "F 0x3C: the country code (0 = the system's)"),
            FieldSpec.number("codePage", "F 0x3E: the code page"),
            FieldSpec.number("failedLogonCount", "F 0x40: bad password count"),
            FieldSpec.number("logonCount", "F 0x42: logon count"))
            .checked("regipy samparse on SAM.xz (corpus regipy/SAM): the same three accounts and the values stated "
                    + "for RIDs 500 and 1000 (regipy shows 0 and 0x7FFFFFFFFFFFFFFF as None); dfwinreg's and "
                    + "registry-ez's SAM hives; the account flags read as 32 bits where regipy reads 16 (SamUsersTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key users = hive.key("SAM\\Domains\\Account\\Users");
        if (users == null) {
            return out;
        }
        Map<Long, Key> names = new LinkedHashMap<>();
        Key namesKey = users.subkey("Names");
        if (namesKey != null) {
            for (Key n : namesKey.subkeys()) {
                Value d = n.value("");
                if (d != null) {
                    names.putIfAbsent(d.typeCode(), n);
                }
            }
        }
        Set<Long> seen = new HashSet<>();
        for (Key k : users.subkeys()) {
            if (!k.name().matches("(?i)[0-9a-f]{8}")) {
                continue;
            }
            long rid = Long.parseLong(k.name(), 16);
            seen.add(rid);
            out.add(user(k, rid, names.get(rid)));
        }
        for (Map.Entry<Long, Key> n : names.entrySet()) {
            if (!seen.contains(n.getKey())) {
                Entry.Builder b = Entry.of(SPEC, n.getValue()).number("rid", n.getKey(), n.getValue().fileOffset());
                name(b, n.getValue());
                b.note(Values.at(n.getValue()) + ": names RID " + n.getKey() + " (its default value's type), but "
                        + "Users has no key " + String.format(Locale.ROOT, "%08X", n.getKey()));
                out.add(b.build());
            }
        }
        return out;
    }

    private static Entry user(Key k, long rid, Key nameKey) {
        Entry.Builder b = Entry.of(SPEC, k).number("rid", rid, k.fileOffset());
        if (nameKey != null) {
            name(b, nameKey);
        }
        Value v = k.value("V");
        if (v != null) {
            SamUserData.V names = SamUserData.v(v.data());
            long offset = Values.dataOffset(v);
            for (int i = 0; i < SamUserData.V_FIELDS.length; i++) {
                if (SamUserData.V_FIELDS[i] != null && names.text(i) != null) {
                    b.text(SamUserData.V_FIELDS[i], names.text(i), offset);
                }
            }
            names.problems().forEach(p -> b.note(Values.at(v) + ": " + p));
        }
        Value f = k.value("F");
        if (f != null) {
            SamUserData.F r = SamUserData.f(f.data());
            long offset = Values.dataOffset(f);
            if (r.problem() != null) {
                b.note(Values.at(f) + ": " + r.problem());
            }
            if (r.ok()) {
                if (r.rid() != rid) {
                    b.note(Values.at(f) + ": RID " + r.rid() + " at byte 0x30, but the key is named for " + rid);
                }
                b.time("lastLogon", r.lastLogon(), offset).time("passwordLastSet", r.passwordLastSet(), offset)
                        .time("accountExpires", r.accountExpires(), offset)
                        .time("lastFailedLogon", r.lastFailedLogon(), offset)
                        .number("primaryGroupRid", r.primaryGroupRid(), offset)
                        .number("accountFlags", r.accountControl(), offset)
                        .text("accountFlagsDecoded", SamUserData.flags(r.accountControl()), offset)
                        .number("countryCode", r.countryCode(), offset).number("codePage", r.codePage(), offset)
                        .number("failedLogonCount", r.failedLogonCount(), offset)
                        .number("logonCount", r.logonCount(), offset);
            }
        }
        return b.build();
    }

    private static void name(Entry.Builder b, Key nameKey) {
        b.text("nameKey", nameKey.name(), nameKey.fileOffset()).time("createdInferred", nameKey.lastWrittenRaw(),
                nameKey.fileOffset());
    }
}
