package org.patchlens.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * A SYSTEM hive as its consumers (rules, reports) read it: the current control set from {@code Select\Current}
 * (never an assumed ControlSet001; {@code CurrentControlSet} does not exist offline), the
 * node name, and values with their provenance.
 */
public final class SystemView {
    private final Hive hive;
    private final String file;
    private final long current;
    private final long defaultSet;
    private final long lastKnownGood;
    private final long failed;
    private final Source currentSource;

    private SystemView(Hive hive, String file) {
        this.hive = hive;
        this.file = file;
        Key select = hive.key("Select");
        this.current = dword(select, "Current");
        this.defaultSet = dword(select, "Default");
        this.lastKnownGood = dword(select, "LastKnownGood");
        this.failed = dword(select, "Failed");
        Value v = select == null ? null : select.value("Current");
        this.currentSource = v == null ? new Source(file, "Select : Current", -1)
                : new Source(file, "Select : Current", v.fileOffset());
    }

    public static SystemView of(Hive hive, String file) {
        return new SystemView(hive, file);
    }

    private static long dword(Key k, String name) {
        if (k == null) {
            return -1;
        }
        Value v = k.value(name);
        if (v == null || v.data().length != 4 || v.typeCode() != 4) {
            return -1;
        }
        byte[] d = v.data();
        return (d[0] & 0xFFL) | (d[1] & 0xFFL) << 8 | (d[2] & 0xFFL) << 16 | (d[3] & 0xFFL) << 24;
    }

    public Hive hive() {
        return hive;
    }

    public String file() {
        return file;
    }

    /** Select\Current, -1 if missing. */
    public long current() {
        return current;
    }

    public long defaultSet() {
        return defaultSet;
    }

    public long lastKnownGood() {
        return lastKnownGood;
    }

    public long failed() {
        return failed;
    }

    public Source currentSource() {
        return currentSource;
    }

    public static String controlSetName(long n) {
        return String.format("ControlSet%03d", n);
    }

    /** "ControlSet002", or null when Select\Current is missing. */
    public String controlSetName() {
        return current < 0 ? null : controlSetName(current);
    }

    /** The current control set's key, or null. */
    public Key controlSet() {
        return current < 0 ? null : hive.key(controlSetName(current));
    }

    /** A key below the current control set (e.g. {@code Services\MSExchangeIS}), or null. */
    public Key key(String relative) {
        return keyIn(current, relative);
    }

    public Key keyIn(long set, String relative) {
        if (set < 0) {
            return null;
        }
        return hive.key(controlSetName(set) + "\\" + relative);
    }

    /** A value below the current control set, with provenance. */
    public Optional<RegValue> value(String relative, String valueName) {
        return valueIn(current, relative, valueName);
    }

    public Optional<RegValue> valueIn(long set, String relative, String valueName) {
        Key k = keyIn(set, relative);
        if (k == null) {
            return Optional.empty();
        }
        Value v = k.value(valueName);
        return v == null ? Optional.empty() : Optional.of(RegValue.of(file, k.path().substring(1), k, v));
    }

    /** All values of a key below the current control set, with provenance. */
    public List<RegValue> values(String relative) {
        Key k = key(relative);
        List<RegValue> out = new ArrayList<>();
        if (k != null) {
            for (Value v : k.values()) {
                out.add(RegValue.of(file, k.path().substring(1), k, v));
            }
        }
        return out;
    }

    /** The node's computer name (Control\ComputerName\ComputerName : ComputerName). */
    public Optional<RegValue> nodeName() {
        return value("Control\\ComputerName\\ComputerName", "ComputerName");
    }

    /** True if the cluster service is installed (Services\ClusSvc). */
    public boolean isClusterNode() {
        return key("Services\\ClusSvc") != null;
    }

    /**
     * The key in this hive that an HKLM-relative path names (as in checkpoint lists):
     * {@code SYSTEM\CurrentControlSet\...} resolved through Select\Current. Null if absent
     * or not a SYSTEM path.
     */
    public Key resolveHklm(String hklmPath) {
        String rel = toHivePath(hklmPath);
        return rel == null ? null : hive.key(rel);
    }

    /** {@code SYSTEM\CurrentControlSet\X} to {@code ControlSet00N\X}; null if not under SYSTEM. */
    public String toHivePath(String hklmPath) {
        String p = hklmPath.replace('/', '\\');
        while (p.startsWith("\\")) {
            p = p.substring(1);
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.startsWith("hklm\\")) {
            p = p.substring(5);
            lower = lower.substring(5);
        } else if (lower.startsWith("hkey_local_machine\\")) {
            p = p.substring(19);
            lower = lower.substring(19);
        }
        if (!lower.startsWith("system\\")) {
            return null;
        }
        p = p.substring(7);
        lower = lower.substring(7);
        if (lower.startsWith("currentcontrolset")) {
            if (current < 0) {
                return null;
            }
            p = controlSetName(current) + p.substring("currentcontrolset".length());
        }
        return p;
    }
}
