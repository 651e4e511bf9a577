package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedPathsTest {
    /**
     * regipy_tests/validation/validation_tests/typed_paths_plugin_validation.py states sixteen paths of
     * NTUSER_BAGMRU.DAT.xz (not in the corpus): rebuilt in the NTUSER fixture, read back in order.
     */
    @Test
    void theEntriesRegipyStates() {
        List<Entry> e = run(Catalog.TYPED_PATHS, Fixtures.ntuser());
        assertEquals(Arrays.asList(Fixtures.TYPED_PATHS), shown(e, "path"));
        assertEquals("url16", e.get(15).valueName());
        assertEquals("2022-02-06T13:46:04.945080+00:00", regipyTime(e.get(0).lastWritten()));
    }

    /** The corpus NTUSER hives have the key, empty (regipy/NTUSER.DAT, notatin's): no entries. */
    @Test
    void theCorpusKeysAreEmpty() {
        assertEquals(List.of(), run(Catalog.TYPED_PATHS, corpus("regipy/NTUSER.DAT")));
        assertEquals(List.of(), run(Catalog.TYPED_PATHS, corpus("notatin/NTUSER.DAT")));
    }
}
