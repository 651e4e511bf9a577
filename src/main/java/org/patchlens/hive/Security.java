package org.patchlens.hive;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.format.Regf;

/** Reads {@code sk} records into {@link SecurityDescriptor}s, once per cell. */
final class Security {
    private static final String[] ACE_TYPES = {
        "ACCESS_ALLOWED", "ACCESS_DENIED", "SYSTEM_AUDIT", "SYSTEM_ALARM", "ACCESS_ALLOWED_COMPOUND",
        "ACCESS_ALLOWED_OBJECT", "ACCESS_DENIED_OBJECT", "SYSTEM_AUDIT_OBJECT", "SYSTEM_ALARM_OBJECT",
        "ACCESS_ALLOWED_CALLBACK", "ACCESS_DENIED_CALLBACK", "ACCESS_ALLOWED_CALLBACK_OBJECT",
        "ACCESS_DENIED_CALLBACK_OBJECT", "SYSTEM_AUDIT_CALLBACK", "SYSTEM_ALARM_CALLBACK",
        "SYSTEM_AUDIT_CALLBACK_OBJECT", "SYSTEM_ALARM_CALLBACK_OBJECT", "SYSTEM_MANDATORY_LABEL",
        "SYSTEM_RESOURCE_ATTRIBUTE", "SYSTEM_SCOPED_POLICY_ID", "SYSTEM_PROCESS_TRUST_LABEL", "SYSTEM_ACCESS_FILTER",
    };

    private Security() {
    }

    static SecurityDescriptor of(Hive hive, long offset, String keyPath) {
        if (offset == Hive.NIL) {
            return null;
        }
        return hive.securityCache().computeIfAbsent(offset, o -> read(hive, o, keyPath)).orElse(null);
    }

    private static java.util.Optional<SecurityDescriptor> read(Hive hive, long offset, String keyPath) {
        Hive.Cell c = hive.cell(offset, keyPath, "security record");
        if (c == null) {
            return java.util.Optional.empty();
        }
        try {
            Regf.KeySecurity sk = new Regf.KeySecurity(hive.stream(c.dataPos(), c.dataLen()));
            Regf.SecurityDescriptor sd = sk.descriptor();
            int control = sd.control();
            return java.util.Optional.of(new SecurityDescriptor(offset, sk.referenceCount(), control,
                    sid(sd.owner()), sid(sd.group()), aces(sd.dacl()), aces(sd.sacl()), hive.bytes(c.dataPos() + 20, (int) Math.min(sk.lenDescriptor(), c.dataLen() - 20))));
        } catch (RuntimeException e) {
            hive.addDamage(c.fileOffset(), keyPath, "security record is unreadable: " + Hive.describe(e));
            return java.util.Optional.empty();
        }
    }

    private static Sid sid(Regf.Sid s) {
        if (s == null) {
            return null;
        }
        return new Sid(s.revision(), s.identifierAuthority(), List.copyOf(s.subAuthorities()));
    }

    private static List<Ace> aces(Regf.Acl acl) {
        if (acl == null) {
            return null;
        }
        List<Ace> out = new ArrayList<>();
        for (Regf.Ace a : acl.entries().aces()) {
            int type = a.typeCode();
            String typeName = type < ACE_TYPES.length ? ACE_TYPES[type] : Integer.toString(type);
            long mask = 0;
            Sid sid = null;
            Object body = a.body();
            if (body instanceof Regf.BasicAceBody b) {
                mask = b.accessMask();
                sid = sid(b.sid());
            } else if (body instanceof Regf.ObjectAceBody b) {
                mask = b.accessMask();
                sid = sid(b.sid());
            }
            out.add(new Ace(type, typeName, a.aceFlags(), mask, sid));
        }
        return List.copyOf(out);
    }
}
