package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The registry of the artifact plugins: every plugin once, grouped by hive type, each naming the one class that
 * declares and decodes it. The constant's name is the plugin's name in upper case ({@code WORD_WHEEL_QUERY} is
 * {@code word_wheel_query}). {@code hive artifacts} runs the plugins from this list, and {@code --list-plugins},
 * docs/artifacts.md and the CSV columns take the catalog from it; an enum rather than a search of the classpath,
 * so that a run loads exactly these classes. Adding a plugin: docs/artifacts.md, "Adding a plugin".
 */
public enum Catalog {
    COMPUTER_NAME(new ComputerName()),
    TIMEZONE_DATA(new TimezoneData()),
    SHUTDOWN(new Shutdown()),
    SERVICES(new Services()),
    BAM(new Bam()),
    SHIMCACHE(new ShimCache()),
    USBSTOR(new Usbstor()),
    USB_DEVICES(new UsbDevices()),
    MOUNTED_DEVICES(new MountedDevices()),
    NETWORK_DATA(new NetworkData()),
    EXCHANGE55_SERVER(new Exchange55Server()),
    SOFTWARE_PERSISTENCE(new SoftwarePersistence()),
    INSTALLED_PROGRAMS_SOFTWARE(new InstalledProgramsSoftware()),
    PROFILELIST(new ProfileList()),
    LAST_LOGON(new LastLogon()),
    SAMPARSE(new SamUsers()),
    NETWORKLIST(new Networklist()),
    NTUSER_PERSISTENCE(new NtuserPersistence()),
    INSTALLED_PROGRAMS_NTUSER(new InstalledProgramsNtuser()),
    TYPED_URLS(new TypedUrls()),
    USER_ASSIST(new UserAssist()),
    TYPED_PATHS(new TypedPaths()),
    RECENTDOCS(new RecentDocs()),
    NTUSER_SHELLBAG_PLUGIN(new NtuserShellbags()),
    USRCLASS_SHELLBAG_PLUGIN(new UsrclassShellbags()),
    WORD_WHEEL_QUERY(new WordWheelQuery()),
    EXCHANGE55_CLUSTER(new Exchange55Cluster()),
    AMCACHE(new Amcache());

    private final Plugin plugin;

    Catalog(Plugin plugin) {
        this.plugin = plugin;
    }

    public Plugin plugin() {
        return plugin;
    }

    public Spec spec() {
        return plugin.spec();
    }

    /** The plugin's name, as {@code --plugin} takes it. */
    public String pluginName() {
        return plugin.spec().name();
    }

    /** The plugin named so (its name or regipy's, any case), or null. */
    public static Catalog named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Catalog c : values()) {
            if (c.pluginName().equals(n) || (!c.spec().regipy().isEmpty() && c.spec().regipy().equals(n))) {
                return c;
            }
        }
        return null;
    }

    /** The plugins that apply to a hive of this type, in catalog order. */
    public static List<Catalog> forType(HiveType type) {
        List<Catalog> out = new ArrayList<>();
        for (Catalog c : values()) {
            if (c.spec().hive() == type) {
                out.add(c);
            }
        }
        return out;
    }
}
