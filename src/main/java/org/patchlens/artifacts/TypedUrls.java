package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Addresses typed into Internet Explorer's address bar: one entry per value of
 * {@code Software\Microsoft\Internet Explorer\TypedURLs} (url1 is the latest), with the time from
 * {@code TypedURLsTime} (Windows 8 and later: a FILETIME per value of the same name).
 */
final class TypedUrls implements Plugin {
    static final Spec SPEC = Spec.of("typed_urls", "typed_urls", HiveType.NTUSER, "Typed URLs (Internet Explorer)",
            "every value of Internet Explorer\\TypedURLs, with its TypedURLsTime FILETIME when there is one",
            FieldSpec.text("url", "the address typed"),
            FieldSpec.time("typedTime", "TypedURLsTime : urlN, the FILETIME it was typed (Windows 8 and later)"))
            .checked("regipy typed_urls on NTUSER.DAT.xz (corpus regipy/NTUSER.DAT): the same two entries; notatin's "
                    + "NTUSER.DAT for TypedURLsTime (TypedUrlsTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key k = hive.key("Software\\Microsoft\\Internet Explorer\\TypedURLs");
        if (k == null) {
            return out;
        }
        Key times = hive.key("Software\\Microsoft\\Internet Explorer\\TypedURLsTime");
        for (Value v : k.values()) {
            Entry.Builder b = Entry.of(SPEC, k).value(v).string("url", v);
            Value t = times == null ? null : times.value(v.name());
            if (t != null) {
                Structs.FileTimeData f = Structs.fileTime(t.data());
                if (f.problem() != null) {
                    b.note("TypedURLsTime " + Values.at(t) + ": " + f.problem());
                }
                if (f.ok()) {
                    b.time("typedTime", f.ticks(), Values.dataOffset(t));
                }
            }
            out.add(b.build());
        }
        return out;
    }
}
