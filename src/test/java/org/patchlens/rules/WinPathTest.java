package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Path normalisation of exchange-restore.md 10 ("Conventions"): case-insensitive; {@code \\NAME\X$\rest} is
 * {@code X:\rest} with the server kept apart; trailing backslashes removed.
 */
class WinPathTest {
    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "D:\\exchsrvr\\MDBDATA\\PRIV.EDB|''|D:\\exchsrvr\\MDBDATA\\PRIV.EDB",
        "'  D:\\exchsrvr\\MDBDATA  '|''|D:\\exchsrvr\\MDBDATA",
        "D:/exchsrvr/MDBDATA/|''|D:\\exchsrvr\\MDBDATA",
        "D:\\exchsrvr\\\\\\|''|D:\\exchsrvr",
        "D:\\|''|D:\\",
        "D:\\\\|''|D:\\",
        "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB|EXVS01|D:\\exchsrvr\\MDBDATA\\PRIV.EDB",
        "\\\\EXVS01\\f$\\logs\\|EXVS01|f:\\logs",
        "\\\\EXVS01\\D$|EXVS01|D:",
        "\\\\EXVS01\\D|EXVS01|\\\\EXVS01\\D",
        "\\\\EXVS01\\share\\MDBDATA|EXVS01|\\\\EXVS01\\share\\MDBDATA",
        "\\\\EXVS01|''|\\\\EXVS01",
        "\\\\\\x|''|\\\\\\x",
        "\\\\\\D$\\x|''|\\\\\\D$\\x",
        "''|''|''"})
    void splitsTheServerOffAnAdminShareAndTrimsTheRest(String raw, String server, String local) {
        WinPath p = WinPath.of(raw);
        assertEquals(server, p.server());
        assertEquals(local, p.local());
    }

    @Test
    void readsNoPathAsEmpty() {
        assertEquals(new WinPath("", ""), WinPath.of(null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {"D:\\x|true", "z:\\|true", "D:/x|true", "1:\\x|false", "D:x|false",
        "D:|false", "D|false", "\\x|false", "''|false", "\\\\EXVS01\\share\\x|false"})
    void isAbsoluteLocalOnlyForADriveLetterColonBackslash(String raw, boolean absolute) {
        assertEquals(absolute, WinPath.of(raw).isAbsoluteLocal());
    }

    @Test
    void anAdminShareIsAbsoluteButNotPlainLocal() {
        WinPath unc = WinPath.of("\\\\EXVS01\\D$\\exchsrvr\\MDBDATA");
        assertTrue(unc.isAbsoluteLocal());
        assertFalse(unc.isPlainLocal());
        assertTrue(WinPath.of("D:\\exchsrvr\\MDBDATA").isPlainLocal());
        assertFalse(WinPath.of("exchsrvr\\MDBDATA").isPlainLocal());
    }

    @Test
    void theFileNameIsTheLastElement() {
        assertEquals("PRIV.EDB", WinPath.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB").fileName());
        assertEquals("PRIV.EDB", WinPath.of("\\\\EXVS01\\D$\\PRIV.EDB").fileName());
        assertEquals("PRIV.EDB", WinPath.of("PRIV.EDB").fileName());
        assertEquals("PRIV.EDB", WinPath.of("\\PRIV.EDB").fileName());
        assertEquals("MDBDATA", WinPath.of("D:\\MDBDATA\\").fileName());
    }

    @Test
    void comparesIgnoringCase() {
        assertTrue(WinPath.of("\\\\exvs01\\d$\\EXCHSRVR\\mdbdata\\").sameLocal(WinPath.of("D:\\exchsrvr\\MDBDATA")));
        assertFalse(WinPath.of("D:\\exchsrvr\\MDBDATA").sameLocal(WinPath.of("E:\\exchsrvr\\MDBDATA")));
        assertTrue(WinPath.sameFileName("priv.edb", "PRIV.EDB"));
        assertFalse(WinPath.sameFileName("priv.edb", "pub.edb"));
    }
}
