package org.patchlens.artifacts.batch;

import java.util.Locale;
import java.util.Map;
import org.patchlens.artifacts.Catalog;

/**
 * RECmd plugins (EricZimmerman/RegistryPlugins, named as in their folder {@code RegistryPlugin.NAME}) for which
 * patchlens has a decoder of the same artifact. An entry whose comment names another plugin gets its raw values
 * and a note saying the plugin has no decoder here, never nothing.
 */
final class RecmdPlugins {
    private static final Map<String, Catalog> DECODERS = Map.ofEntries(
            Map.entry("timezoneinformation", Catalog.TIMEZONE_DATA),
            Map.entry("timezoneinfo", Catalog.TIMEZONE_DATA),
            Map.entry("profilelist", Catalog.PROFILELIST),
            Map.entry("bam", Catalog.BAM),
            Map.entry("typedurls", Catalog.TYPED_URLS),
            Map.entry("wordwheelquery", Catalog.WORD_WHEEL_QUERY),
            Map.entry("services", Catalog.SERVICES),
            Map.entry("appcompatcache", Catalog.SHIMCACHE),
            Map.entry("userassist", Catalog.USER_ASSIST),
            Map.entry("recentdocs", Catalog.RECENTDOCS),
            Map.entry("sam", Catalog.SAMPARSE),
            Map.entry("usbstor", Catalog.USBSTOR),
            Map.entry("usb", Catalog.USB_DEVICES),
            Map.entry("knownnetworks", Catalog.NETWORKLIST));

    private RecmdPlugins() {
    }

    /** Our decoder for a RECmd plugin's name, or null. */
    static Catalog decoder(String recmdPlugin) {
        return recmdPlugin == null ? null : DECODERS.get(recmdPlugin.toLowerCase(Locale.ROOT));
    }
}
