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
    private static final Map<String, Catalog> DECODERS = Map.of(
            "timezoneinformation", Catalog.TIMEZONE_DATA,
            "timezoneinfo", Catalog.TIMEZONE_DATA,
            "profilelist", Catalog.PROFILELIST,
            "bam", Catalog.BAM,
            "typedurls", Catalog.TYPED_URLS,
            "wordwheelquery", Catalog.WORD_WHEEL_QUERY,
            "services", Catalog.SERVICES);

    private RecmdPlugins() {
    }

    /** Our decoder for a RECmd plugin's name, or null. */
    static Catalog decoder(String recmdPlugin) {
        return recmdPlugin == null ? null : DECODERS.get(recmdPlugin.toLowerCase(Locale.ROOT));
    }
}
