package org.patchlens.artifacts;

import org.patchlens.evidence.Classifier;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;

/**
 * What a hive is, decided from its keys alone (never from its file name or the name embedded in its base
 * block, which a copy or a rename changes): the types the plugins apply to. Checked in this order; the first
 * whose signal the root key shows wins. The signals were chosen from the corpus hives (regipy's, dfwinreg's,
 * notatin's, Registry's) and Windows' own layouts; {@code HiveTypeTest} holds every corpus hive to its type.
 */
public enum HiveType {
    SYSTEM("SYSTEM", "keys Select and ControlSetNNN at the root"),
    CLUSTER("cluster", "keys Groups and Resources, at the root or under Parameters (CLUSDB, a quorum chk*.tmp)"),
    SOFTWARE("SOFTWARE", "keys Microsoft and Classes at the root"),
    SAM("SAM", "key SAM\\Domains"),
    SECURITY("SECURITY", "key Policy, with RXACT or Cache, at the root"),
    NTUSER("NTUSER", "key Software, with Control Panel or Environment, at the root"),
    USRCLASS("UsrClass", "key Local Settings or VirtualStore at the root, or CLSID beside file-extension keys "
            + "(.txt), without a Software key"),
    AMCACHE("Amcache", "key Root\\InventoryApplicationFile, Root\\File or Root\\Programs"),
    BCD("BCD", "keys Objects and Description at the root"),
    OTHER("other", "none of the signals above");

    private final String label;
    private final String signal;

    HiveType(String label, String signal) {
        this.label = label;
        this.signal = signal;
    }

    /** How examiners name it: "SYSTEM", "NTUSER", "UsrClass". */
    public String label() {
        return label;
    }

    /** The keys that make a hive this type (docs/artifacts.md). */
    public String signal() {
        return signal;
    }

    /** The type a name given on the command line means ({@code ntuser}, {@code UsrClass}, any case), or null. */
    public static HiveType named(String name) {
        for (HiveType t : values()) {
            if (t.label.equalsIgnoreCase(name.strip()) || t.name().equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        return null;
    }

    /** The type of a hive, from its root key's subkeys. */
    public static HiveType of(Hive hive) {
        return of(hive.root());
    }

    public static HiveType of(Key root) {
        if (Classifier.isSystemHive(root)) {
            return SYSTEM;
        }
        if (Classifier.isClusterHive(root)) {
            return CLUSTER;
        }
        if (has(root, "Microsoft") && has(root, "Classes")) {
            return SOFTWARE;
        }
        Key sam = root.subkey("SAM");
        if (sam != null && sam.subkey("Domains") != null) {
            return SAM;
        }
        if (has(root, "Policy") && (has(root, "RXACT") || has(root, "Cache"))) {
            return SECURITY;
        }
        if (has(root, "Software") && (has(root, "Control Panel") || has(root, "Environment"))) {
            return NTUSER;
        }
        if (!has(root, "Software") && (has(root, "Local Settings") || has(root, "VirtualStore")
                || (has(root, "CLSID") && hasExtensionKey(root)))) {
            return USRCLASS;
        }
        Key r = root.subkey("Root");
        if (r != null && (has(r, "InventoryApplicationFile") || has(r, "File") || has(r, "Programs"))) {
            return AMCACHE;
        }
        if (has(root, "Objects") && has(root, "Description")) {
            return BCD;
        }
        return OTHER;
    }

    private static boolean has(Key k, String name) {
        return k.subkey(name) != null;
    }

    private static boolean hasExtensionKey(Key root) {
        for (Key k : root.subkeys()) {
            String n = k.name();
            if (n.length() > 1 && n.charAt(0) == '.' && n.substring(1).chars().allMatch(Character::isLetterOrDigit)) {
                return true;
            }
        }
        return false;
    }
}
