package org.patchlens.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The names a runbook types: the {@code exchsrvr\bin} folder found from a DB Path, a name refused when a command
 * prompt would act on one of its characters, and what a RegSync checkpoint covers.
 */
class NamesTest {
    @Test
    void theBinFolderIsTheExchsrvrFolderOfTheDatabasePathOrTheDrivesDefault() {
        assertEquals("D:\\exchsrvr\\bin", Names.binFolder("D:\\exchsrvr\\MDBDATA\\PRIV.EDB"));
        assertEquals("d:\\exchsrvr\\bin", Names.binFolder("d:/Exchsrvr/mdbdata/priv.edb"), "either separator, any case");
        assertEquals("E:\\Program Files\\exchsrvr\\bin", Names.binFolder("E:\\Program Files\\exchsrvr\\MDBDATA\\PUB.EDB"));
        assertEquals("E:\\exchsrvr\\bin", Names.binFolder("E:\\data\\PRIV.EDB"), "no exchsrvr folder: the default");
        assertNull(Names.binFolder("PRIV.EDB"), "no drive");
        assertNull(Names.binFolder("1:\\data\\PRIV.EDB"), "not a drive letter");
        assertNull(Names.binFolder("D;\\data\\PRIV.EDB"));
        assertNull(Names.binFolder("D"));
        assertEquals("D:\\exchsrvr\\bin", Names.binFolder("D:"), "a bare drive");
        assertEquals("\\exchsrvr\\bin", Names.binFolder("\\exchsrvr\\MDBDATA\\PRIV.EDB"),
                "exchsrvr at the very start: the folder as registered, without a drive");
        String placeholder = Names.name("a DB Path", "D:\\exchsrvr&x\\PRIV.EDB", "the DB Path", new ArrayList<>());
        assertEquals("<the DB Path>", placeholder);
        assertNull(Names.binFolder(placeholder), "a DB Path left out gives no bin folder: Names.of keeps <exchsrvr>\\bin");
    }

    @Test
    void aNameWithACharacterACommandPromptActsOnBecomesThePlaceholder() {
        for (char c : "\"&|<>^%`\u0007\u001b\u200e\u2028\u2029".toCharArray()) {
            List<String> unsafe = new ArrayList<>();
            assertEquals("<the Name>", Names.name("the virtual server", "EX" + c + "VS", "the Name", unsafe),
                    String.format("U+%04X", (int) c));
            assertEquals(List.of("the virtual server is left out of the commands: it holds a character a command "
                    + "prompt would act on (" + String.format("U+%04X", (int) c) + ")"), unsafe);
        }
    }

    @Test
    void aPlainNameIsKeptStrippedAndAMissingOneIsThePlaceholderWithoutComplaint() {
        List<String> unsafe = new ArrayList<>();
        assertEquals("EXVS01", Names.name("v", "  EXVS01 ", "p", unsafe));
        assertEquals("Échange 01", Names.name("v", "Échange 01", "p", unsafe), "letters of any script, spaces");
        assertEquals("<p>", Names.name("v", null, "p", unsafe));
        assertEquals("<p>", Names.name("v", " ", "p", unsafe));
        assertEquals(List.of(), unsafe, "nothing was left out: there was nothing to use");
    }

    @Test
    void aCheckpointCoversItsKeyAndWhatLiesBelowWhateverTheSeparatorsAndCase() {
        Names.Checkpoint cp = new Names.Checkpoint("IS", "MSExchangeIS", "00000002",
                "\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate\\");
        assertTrue(cp.covers("SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate"));
        assertTrue(cp.covers("system/currentcontrolset/services/msexchangeis/parametersprivate/sub"));
        assertTrue(cp.covers("\\\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate\\\\"));
        assertFalse(cp.covers("SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivateX"));
        assertFalse(cp.covers("SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS"), "the key above is not covered");
    }
}
