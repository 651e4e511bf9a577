package org.patchlens.artifacts;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.patchlens.format.SamUserF;
import org.patchlens.format.SamUserV;

/**
 * A SAM user's F and V values, read through {@code kaitai/artifacts/sam_user_f.ksy} and {@code sam_user_v.ksy}:
 * the account's times, counters and flags, and its names. Takes any bytes; what does not add up is a problem
 * naming the byte of the value it is at. Never throws.
 */
public final class SamUserData {
    private SamUserData() {
    }

    static final int F_SIZE = 80;
    static final int V_TABLE = 0xCC;

    /** The strings of V this plugin shows, by their descriptor's index (the hashes, 13 to 16, never). */
    static final String[] V_FIELDS = {null, "userName", "fullName", "comment", "userComment", null, "homeDirectory",
        "homeDirectoryDrive", "scriptPath", "profilePath", "workstations"};

    /** The USER_ACCOUNT_CONTROL bits (MS-SAMR 2.2.1.12), by bit number, as regipy names them. */
    static final String[] ACCOUNT_FLAGS = {"Account Disabled", "Home Directory Required", "Password Not Required",
        "Temp Duplicate Account", "Normal User Account", "MNS Logon Account", "Interdomain Trust Account",
        "Workstation Trust Account", "Server Trust Account", "Password Does Not Expire", "Account Auto Locked",
        "Encrypted Text Password Allowed", "Smartcard Required", "Trusted For Delegation", "Not Delegated",
        "Use DES Key Only", "Preauth Not Required", "Password Expired", "Trusted To Auth For Delegation",
        "No Auth Data Required", "Partial Secrets Account", "Use AES Keys"};

    /** F as read; {@code ok} false (and nothing else) when it has fewer than 80 bytes. */
    public record F(boolean ok, long lastLogon, long passwordLastSet, long accountExpires, long lastFailedLogon,
                    long rid, long primaryGroupRid, long accountControl, int countryCode, int codePage,
                    int failedLogonCount, int logonCount, String problem) {
    }

    public static F f(byte[] data) {
        if (data.length < F_SIZE) {
            return new F(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, data.length + " bytes, the F structure needs " + F_SIZE);
        }
        SamUserF f = new SamUserF(new ByteBufferKaitaiStream(Arrays.copyOf(data, F_SIZE)));
        String problem = null;
        if (f.majorVersion() != 2 && f.majorVersion() != 3) {
            problem = "version " + f.majorVersion() + " (byte 0x0), not 2 or 3 as seen; read as version 2";
        }
        return new F(true, f.lastLogon(), f.passwordLastSet(), f.accountExpires(), f.lastFailedLogon(), f.rid(),
                f.primaryGroupRid(), f.accountControl(), f.countryCode(), f.codePage(), f.failedLogonCount(),
                f.logonCount(), problem);
    }

    /** V's strings by descriptor index (null where empty or not readable), and the problems. */
    public record V(String[] texts, List<String> problems) {
        public V {
            texts = texts.clone();
            problems = List.copyOf(problems);
        }

        public String text(int index) {
            return texts[index];
        }
    }

    public static V v(byte[] data) {
        String[] texts = new String[V_FIELDS.length];
        List<String> problems = new ArrayList<>();
        if (data.length < V_TABLE) {
            problems.add(data.length + " bytes, the V offset table needs " + V_TABLE);
            return new V(texts, problems);
        }
        SamUserV v = new SamUserV(new ByteBufferKaitaiStream(data));
        for (int i = 1; i < V_FIELDS.length; i++) {
            if (V_FIELDS[i] == null) {
                continue;
            }
            SamUserV.Descriptor d = v.descriptors().get(i);
            if (d.length() == 0) {
                continue;
            }
            if (!d.inBounds()) {
                problems.add(String.format(Locale.ROOT, "%s (descriptor %d, byte 0x%X): %d bytes at 0x%X lie outside "
                        + "the value's %d bytes", V_FIELDS[i], i, i * 12, d.length(), d.offset() + V_TABLE,
                        data.length));
                continue;
            }
            byte[] b = d.data();
            if ((b.length & 1) != 0) {
                problems.add(String.format(Locale.ROOT, "%s (descriptor %d, byte 0x%X): odd length %d for UTF-16; the "
                        + "last byte is left out", V_FIELDS[i], i, i * 12, b.length));
            }
            texts[i] = new String(b, 0, b.length & ~1, StandardCharsets.UTF_16LE);
        }
        return new V(texts, problems);
    }

    /** The account control bits by name, joined by " | ", unknown bits kept as hex; "none" for 0. */
    public static String flags(long control) {
        List<String> out = new ArrayList<>();
        long unknown = 0;
        for (int bit = 0; bit < 32; bit++) {
            long m = 1L << bit;
            if ((control & m) != 0) {
                if (bit < ACCOUNT_FLAGS.length) {
                    out.add(ACCOUNT_FLAGS[bit]);
                } else {
                    unknown |= m;
                }
            }
        }
        if (unknown != 0) {
            out.add(String.format(Locale.ROOT, "unknown 0x%08X", unknown));
        }
        return out.isEmpty() ? "none" : String.join(" | ", out);
    }
}
