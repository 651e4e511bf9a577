package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The networks the machine joined (Vista and later): one entry per profile of
 * {@code Microsoft\Windows NT\CurrentVersion\NetworkList\Profiles\{GUID}}, joined with the signature of
 * {@code Signatures\Managed} or {@code Signatures\Unmanaged} whose ProfileGuid names it (one entry per
 * signature when several do; a signature naming no profile is an entry of its own, so nothing is dropped). The
 * creation and last-connection dates are SYSTEMTIMEs in the machine's local time
 * ({@code kaitai/artifacts/systemtime.ksy}), written without a zone and named so.
 */
final class Networklist implements Plugin {
    static final Spec SPEC = Spec.of("networklist", "networklist", HiveType.SOFTWARE,
            "Network list profiles (networks joined, first and last connected)",
            "every profile of NetworkList\\Profiles: name, description, managed, category, type, the created and "
                    + "last-connected local times; joined with its Signatures\\Managed|Unmanaged key: gateway MAC, "
                    + "DNS suffix, first network",
            FieldSpec.text("profileGuid", "the profile key's name (for a signature without a profile, its "
                    + "ProfileGuid)"),
            FieldSpec.text("profileName", "ProfileName: the network's name (the SSID of a wireless network)"),
            FieldSpec.text("description", "Description"),
            FieldSpec.number("managed", "Managed: 1 a domain network (managed), 0 not"),
            FieldSpec.number("categoryCode", "Category: 0 public, 1 private, 2 domain"),
            FieldSpec.text("category", "Category decoded: Public, Private, Domain, or unknown (N)"),
            FieldSpec.number("nameTypeCode", "NameType: the interface type (IANA ifType) of the network"),
            FieldSpec.text("nameType", "NameType decoded: 0x6 Wired, 0x17 Broadband (PPP, VPN), 0x47 Wireless, "
                    + "0xF3 and 0xF4 Mobile broadband, else unknown (0xNN)"),
            FieldSpec.text("dateCreatedLocal", "DateCreated, a SYSTEMTIME in the machine's LOCAL time (no zone "
                    + "recorded; see timezone_data): when the network was first joined, yyyy-MM-ddTHH:mm:ss.fffffff"),
            FieldSpec.text("dateLastConnectedLocal", "DateLastConnected, a SYSTEMTIME in LOCAL time: when the "
                    + "network was last connected"),
            FieldSpec.text("signatureType", "Managed or Unmanaged: the Signatures subkey the joined signature is in"),
            FieldSpec.text("signatureKey", "the signature key's name (offset: its cell)"),
            FieldSpec.text("defaultGatewayMac", "the signature's DefaultGatewayMac, as a MAC address: the "
                    + "gateway's, which identifies the network"),
            FieldSpec.text("dnsSuffix", "the signature's DnsSuffix"),
            FieldSpec.text("firstNetwork", "the signature's FirstNetwork: the name the network was first seen by"))
            .checked("regipy networklist's profile entry for SOFTWARE.xz (not in the corpus, which has no SOFTWARE "
                    + "hive) rebuilt; the corpus has no NetworkList (NetworklistTest)");

    private static final String LIST = "Microsoft\\Windows NT\\CurrentVersion\\NetworkList";
    private static final String[] CATEGORIES = {"Public", "Private", "Domain"};

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Map<String, List<Key[]>> signatures = new LinkedHashMap<>(); // profile GUID -> {Managed|Unmanaged key, signature}
        List<Key[]> all = new ArrayList<>();
        for (String type : new String[] {"Managed", "Unmanaged"}) {
            Key group = hive.key(LIST + "\\Signatures\\" + type);
            if (group == null) {
                continue;
            }
            for (Key s : group.subkeys()) {
                Key[] pair = {group, s};
                all.add(pair);
                Value guid = s.value("ProfileGuid");
                if (guid != null) {
                    signatures.computeIfAbsent(Values.shown(guid).strip().toUpperCase(Locale.ROOT),
                            g -> new ArrayList<>()).add(pair);
                }
            }
        }
        Set<Key[]> joined = new HashSet<>();
        Key profiles = hive.key(LIST + "\\Profiles");
        if (profiles != null) {
            for (Key p : profiles.subkeys()) {
                List<Key[]> own = signatures.getOrDefault(p.name().toUpperCase(Locale.ROOT), List.of());
                if (own.isEmpty()) {
                    out.add(profile(p, null));
                }
                for (Key[] s : own) {
                    joined.add(s);
                    out.add(profile(p, s));
                }
            }
        }
        for (Key[] s : all) {
            if (!joined.contains(s)) {
                Entry.Builder b = Entry.of(SPEC, s[1]);
                b.string("profileGuid", s[1], "ProfileGuid");
                signature(b, s);
                out.add(b.build());
            }
        }
        return out;
    }

    private static Entry profile(Key p, Key[] signature) {
        Entry.Builder b = Entry.of(SPEC, p).keyName("profileGuid");
        b.string("profileName", p, "ProfileName");
        b.string("description", p, "Description");
        b.number("managed", p, "Managed");
        Value category = b.number("categoryCode", p, "Category");
        if (category != null && Values.number(category).ok()) {
            long c = Values.number(category).value();
            b.text("category", c >= 0 && c < CATEGORIES.length ? CATEGORIES[(int) c] : "unknown (" + c + ")",
                    Values.dataOffset(category));
        }
        Value nameType = b.number("nameTypeCode", p, "NameType");
        if (nameType != null && Values.number(nameType).ok()) {
            b.text("nameType", nameType(Values.number(nameType).value()), Values.dataOffset(nameType));
        }
        localTime(b, "dateCreatedLocal", p.value("DateCreated"));
        localTime(b, "dateLastConnectedLocal", p.value("DateLastConnected"));
        if (signature != null) {
            signature(b, signature);
        }
        return b.build();
    }

    private static void signature(Entry.Builder b, Key[] s) {
        b.text("signatureType", s[0].name(), s[0].fileOffset());
        b.text("signatureKey", s[1].name(), s[1].fileOffset());
        Value mac = s[1].value("DefaultGatewayMac");
        if (mac != null) {
            byte[] d = mac.data();
            if (d.length != 6) {
                b.note(Values.at(mac) + ": " + d.length + " bytes, a MAC address has 6");
            }
            b.text("defaultGatewayMac", DeviceStructs.mac(d), Values.dataOffset(mac));
        }
        b.string("dnsSuffix", s[1], "DnsSuffix");
        b.string("firstNetwork", s[1], "FirstNetwork");
    }

    static String nameType(long code) {
        if (code < 0 || code > 0xFF) {
            return String.format(Locale.ROOT, "unknown (0x%X)", code);
        }
        return switch ((int) code) {
            case 0x06 -> "Wired";
            case 0x17 -> "Broadband";
            case 0x47 -> "Wireless";
            case 0xF3, 0xF4 -> "Mobile broadband";
            default -> String.format(Locale.ROOT, "unknown (0x%X)", code);
        };
    }

    private static void localTime(Entry.Builder b, String field, Value v) {
        if (v == null) {
            return;
        }
        DeviceStructs.LocalTime t = DeviceStructs.systemTime(v.data());
        if (t.problem() != null) {
            b.note(Values.at(v) + ": " + t.problem());
        }
        if (t.text() != null) {
            b.text(field, t.text(), Values.dataOffset(v));
        }
    }
}
