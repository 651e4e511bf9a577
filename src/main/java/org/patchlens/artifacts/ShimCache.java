package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

/**
 * The Application Compatibility Cache (ShimCache): one entry per cached file of the AppCompatCache value of
 * {@code Control\Session Manager\AppCompatCache} (Windows XP: {@code ...\AppCompatibility}) in every control set,
 * decoded by {@link ShimCacheData} whatever the Windows version wrote it. The cache's own problems (an unknown
 * signature, a count that does not fit) go on its first entry, or on an entry of their own when none was read.
 */
final class ShimCache implements Plugin {
    static final Spec SPEC = Spec.of("shimcache", "shimcache", HiveType.SYSTEM, "AppCompatCache / ShimCache",
            "the AppCompatCache value of Control\\Session Manager\\AppCompatCache (XP: AppCompatibility) per control "
                    + "set, Windows XP to 11 formats (kaitai/artifacts/app_compat_cache.ksy): every cached file with "
                    + "its position, last-modified time, size, insert flags and executed flag where the format has them",
            FieldSpec.text("format", "the format the signature tells (Windows XP 32-bit, Server 2003 / Vista, 7, 8.0, "
                    + "8.1, 10 / 11, or \"unknown\"); 0xBADC0FFE's file sizes or flags are inferred, and say so"),
            FieldSpec.number("position", "the entry's place in the cache, 0 = the first the data lists (the most "
                    + "recently inserted from Vista on)"),
            FieldSpec.text("path", "the file's path as stored (\\??\\C:\\... kept)"),
            FieldSpec.time("lastModified", "the file's last-modification time ($STANDARD_INFORMATION) when cached"),
            FieldSpec.number("fileSize", "the file's size (Windows XP, Server 2003)"),
            FieldSpec.time("lastUpdate", "when the entry was last updated (Windows XP)"),
            FieldSpec.number("insertFlags", "the insert flags (Vista to 8.1), unknown bits kept"),
            FieldSpec.number("shimFlags", "the shim flags (Vista to 8.1)"),
            FieldSpec.text("executed", "yes / no: insert flag 0x2, set by CSRSS when it created a process from the "
                    + "file (Vista to 8.1); Windows 10 / 11: \"yes (inferred)\" when the entry data's last four "
                    + "bytes are 1 (Zimmerman's reading; undocumented)"),
            FieldSpec.number("dataSize", "the size of the entry's data blob (Windows 7 to 11)"))
            .checked("regipy shimcache on SYSTEM.xz (corpus regipy/SYSTEM, Windows 7 32-bit): the same 660 entries "
                    + "(330 per control set) and the stated mfeann.exe entry; XP, Server 2003 / Vista 32 and 64-bit, "
                    + "Windows 7 64-bit, 8.0, 8.1 and 10 / 11 layouts built byte by byte and read field by field "
                    + "(ShimCacheTest)");

    /** Where the value is below a control set: Server 2003 on, then Windows XP. */
    private static final List<String> PLACES = List.of("Control\\Session Manager\\AppCompatCache",
            "Control\\Session Manager\\AppCompatibility");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            for (String place : PLACES) {
                Key k = HiveContext.below(cs, place);
                Value v = k == null ? null : k.value("AppCompatCache");
                if (v != null) {
                    cache(k, v, out);
                }
            }
        }
        return out;
    }

    private static void cache(Key k, Value v, List<Entry> out) {
        byte[] data = v.data();
        ShimCacheData.Cache c = ShimCacheData.parse(data);
        long offset = Values.dataOffset(v);
        List<String> cacheNotes = new ArrayList<>();
        if (v.typeCode() != ValueType.REG_BINARY.code()) {
            cacheNotes.add(Values.at(v) + ": " + ValueType.name(v.typeCode()) + " where REG_BINARY was expected; "
                    + "decoded anyway");
        }
        for (String p : c.problems()) {
            cacheNotes.add(Values.at(v) + ": " + p);
        }
        if (c.entries().isEmpty()) {
            if (!cacheNotes.isEmpty()) {
                Entry.Builder b = Entry.of(SPEC, k).value(v).text("format", c.format(), offset);
                cacheNotes.forEach(b::note);
                out.add(b.build());
            }
            return;
        }
        for (ShimCacheData.CacheEntry e : c.entries()) {
            Entry.Builder b = Entry.of(SPEC, k).value(v).text("format", c.format(), offset)
                    .number("position", e.position(), offset);
            if (e.position() == 0) {
                cacheNotes.forEach(b::note);
            }
            if (e.path() != null) {
                b.text("path", e.path(), offset);
            }
            if (e.lastModified() != null) {
                b.time("lastModified", e.lastModified(), offset);
            }
            if (e.fileSize() != null) {
                b.number("fileSize", e.fileSize(), offset);
            }
            if (e.lastUpdate() != null) {
                b.time("lastUpdate", e.lastUpdate(), offset);
            }
            if (e.insertFlags() != null) {
                b.number("insertFlags", e.insertFlags(), offset);
            }
            if (e.shimFlags() != null) {
                b.number("shimFlags", e.shimFlags(), offset);
            }
            if (e.executed() != null) {
                b.text("executed", e.executed(), offset);
            }
            if (e.dataSize() != null) {
                b.number("dataSize", e.dataSize(), offset);
            }
            for (String p : e.problems()) {
                b.note(Values.at(v) + ": " + p);
            }
            out.add(b.build());
        }
    }
}
