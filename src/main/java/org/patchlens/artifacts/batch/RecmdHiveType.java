package org.patchlens.artifacts.batch;

import java.util.Locale;
import org.patchlens.artifacts.HiveType;

/**
 * The hive types a RECmd batch entry may name (RECmd's {@code Key.HiveType_}, read without regard to case as
 * RECmd's YAML reader does), and the type patchlens recognises by content for each. RECmd tells a hive's type
 * mostly by its file name; patchlens by its keys ({@link HiveType}), so the types patchlens has no content
 * signal for (COMPONENTS, DRIVERS, SYSCACHE, ...) match no hive, and the run says so.
 */
public enum RecmdHiveType {
    OTHER("Other", null),
    NTUSER("NtUser", HiveType.NTUSER),
    SAM("Sam", HiveType.SAM),
    SECURITY("Security", HiveType.SECURITY),
    SOFTWARE("Software", HiveType.SOFTWARE),
    SYSTEM("System", HiveType.SYSTEM),
    USRCLASS("UsrClass", HiveType.USRCLASS),
    COMPONENTS("Components", null),
    DRIVERS("Drivers", null),
    AMCACHE("Amcache", HiveType.AMCACHE),
    SYSCACHE("Syscache", null),
    BCD("Bcd", HiveType.BCD),
    BCD_TEMPLATE("BcdTemplate", null),
    ELAM("Elam", null),
    USERDIFF("userdiff", null),
    BBI("Bbi", null),
    VSMIDK("Vsmidk", null),
    DEFAULT("Default", null),
    USER("User", null),
    USERCLASSES("UserClasses", null),
    SETTINGS("settings", null),
    REGISTRY("Registry", null);

    private final String recmdName;
    private final HiveType matches;

    RecmdHiveType(String recmdName, HiveType matches) {
        this.recmdName = recmdName;
        this.matches = matches;
    }

    /** RECmd's own spelling, as its CSV's HiveType column shows it ({@code NtUser}, {@code System}). */
    public String recmdName() {
        return recmdName;
    }

    /** The type patchlens recognises for it, or null when patchlens recognises no hive as this type. */
    public HiveType matches() {
        return matches;
    }

    /** The type a batch file names ({@code NTUSER}, {@code NtUser}, {@code ntuser}), or null. */
    public static RecmdHiveType named(String name) {
        String n = name.strip();
        for (RecmdHiveType t : values()) {
            if (t.recmdName.equalsIgnoreCase(n)) {
                return t;
            }
        }
        return null;
    }

    /** RECmd's names, for an error message. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (RecmdHiveType t : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(t.recmdName.toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
