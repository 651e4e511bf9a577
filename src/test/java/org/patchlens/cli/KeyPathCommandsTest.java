package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/**
 * Key paths as examiners and administrators type or copy them, through every command that takes one
 * ({@code hive ls}, {@code get}, {@code dump --path}, {@code export-reg --path}, {@code timeline --path},
 * {@code diff --path/--b-path}), on builder-made hives.
 */
class KeyPathCommandsTest {
    private static final String ESC = "\u001b";
    private static final String ROOT = "CMI-CreateHive{2A7FB991-7BBE-4F9D-B91E-7CB51D4737F5}";
    private static final String SID = "S-1-5-21-1004336348-1177238915-682003330-1001";

    @TempDir
    Path dir;
    Path out;
    String system;
    String after;
    String software;
    String ntuser;
    String usrclass;
    String crafted;

    static HiveBuilder system(long start) {
        HiveBuilder b = HiveBuilder.v15().fileName("\\SystemRoot\\System32\\Config\\SYSTEM");
        b.key("ControlSet001\\Services\\Tcpip").sz("ImagePath", "one").dword("Start", start);
        b.key("ControlSet001\\Services\\Tcpip\\Parameters").sz("Domain", "contoso.local");
        b.key("ControlSet002\\Services\\Tcpip").sz("ImagePath", "two");
        b.key("Select").dword("Current", 1).dword("Default", 1);
        return b;
    }

    @BeforeEach
    void hives() throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        out = Files.createDirectories(dir.resolve("out"));
        system = system(1).write(ev.resolve("SYSTEM")).toString();
        after = system(2).write(ev.resolve("SYSTEM.after")).toString();
        HiveBuilder sw = HiveBuilder.v15();
        sw.key("Classes\\MIME\\Database\\Content Type\\text/html").sz("Extension", ".htm");
        sw.key("Classes\\MIME\\Database\\Content Type\\text/plain").sz("Extension", ".txt");
        software = sw.write(ev.resolve("SOFTWARE")).toString();
        HiveBuilder nt = HiveBuilder.v15();
        nt.key("Software\\Vendor\\App").sz("Name", "x");
        ntuser = nt.write(ev.resolve("NTUSER.DAT")).toString();
        HiveBuilder uc = HiveBuilder.v15();
        uc.key("CLSID\\{00000000-0000-0000-0000-000000000001}").sz("", "x.dll");
        usrclass = uc.write(ev.resolve("UsrClass.dat")).toString();
        HiveBuilder c = HiveBuilder.v15();
        HiveBuilder.K parent = c.key("Parent");
        parent.addKey("Foo").sz("which", "Foo");
        parent.addKey("FOO").sz("which", "FOO");
        c.key("K").addSz("X", "first").addSz("X", "second").sz("Other", "o");
        c.key("E").sz("S", "a" + ESC + "[31mb\u0007c").multiSz("M", "one" + ESC + "[2J", "", "two\u0007")
                .sz("Line", "x\ny");
        crafted = c.write(ev.resolve("crafted.hive")).toString();
    }

    /** The six commands with a key path, each as an argument list (the path last or after its option). */
    private List<String[]> commands(String path, String reg) {
        return List.of(
                new String[] {"hive", "ls", system, path},
                new String[] {"hive", "get", system, path, "ImagePath"},
                new String[] {"hive", "get", system, path},
                new String[] {"hive", "dump", system, "--path", path, "--format", "text"},
                new String[] {"hive", "dump", system, "--path", path, "--format", "listing"},
                new String[] {"hive", "export-reg", system, "--path", path, "-o", out.resolve(reg).toString()},
                new String[] {"hive", "timeline", system, "--path", path},
                new String[] {"hive", "diff", system, after, "--path", path},
                new String[] {"hive", "diff", system, after, "--path", "ControlSet001\\Services\\Tcpip", "--b-path", path});
    }

    private List<CliRun> run(List<String[]> commands) {
        List<CliRun> runs = new ArrayList<>();
        for (String[] c : commands) {
            runs.add(CliRun.of(c));
        }
        return runs;
    }

    @Test
    void everyFormOfAMachinePathWorksInEveryCommand() throws Exception {
        List<CliRun> want = run(commands("ControlSet001\\Services\\Tcpip", "want.reg"));
        assertTrue(want.get(0).out().startsWith("\\ControlSet001\\Services\\Tcpip  ["), want.get(0).out());
        assertEquals("ImagePath  REG_SZ  \"one\"\n", want.get(1).out());
        assertTrue(want.get(7).out().contains("~ value \\ControlSet001\\Services\\Tcpip : Start"), want.get(7).out());
        byte[] wantReg = Files.readAllBytes(out.resolve("want.reg"));
        int n = 0;
        for (String form : List.of("\\ControlSet001\\Services\\Tcpip", "ControlSet001\\Services\\Tcpip\\",
                "controlset001\\services\\TCPIP", ROOT + "\\ControlSet001\\Services\\Tcpip",
                "HKLM\\SYSTEM\\ControlSet001\\Services\\Tcpip", "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\Tcpip",
                "\\HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\Tcpip",
                "Computer\\HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\Tcpip",
                "ControlSet001/Services/Tcpip", "/ControlSet001/Services/Tcpip", "HKLM/SYSTEM/ControlSet001/Services/Tcpip",
                "hklm\\system\\controlset001\\services\\tcpip")) {
            String reg = "form" + n++ + ".reg";
            List<CliRun> got = run(commands(form, reg));
            for (int i = 0; i < got.size(); i++) {
                String what = form + " in command " + i;
                assertEquals(want.get(i).exit(), got.get(i).exit(), what + "\n" + got.get(i).err());
                // export-reg's one stdout line names its own output file
                assertEquals(want.get(i).out().replace("want.reg", reg), got.get(i).out(), what);
                assertEquals(want.get(i).err(), got.get(i).err(), what);
            }
            assertArrayEquals(wantReg, Files.readAllBytes(out.resolve(reg)), form);
        }
    }

    @Test
    void currentControlSetIsResolvedThroughSelectCurrentAndSaidOnStderr() throws Exception {
        List<CliRun> want = run(commands("ControlSet001\\Services\\Tcpip", "want.reg"));
        byte[] wantReg = Files.readAllBytes(out.resolve("want.reg"));
        String note = "patchlens: note: " + system + ": CurrentControlSet is ControlSet001 (Select\\Current = 1)\n";
        String noteAfter = "patchlens: note: " + after + ": CurrentControlSet is ControlSet001 (Select\\Current = 1)\n";
        int n = 0;
        for (String form : List.of("HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip", "CurrentControlSet\\Services\\Tcpip",
                "Computer\\HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip",
                "HKLM/SYSTEM/CurrentControlSet/Services/Tcpip")) {
            String reg = "ccs" + n++ + ".reg";
            List<CliRun> got = run(commands(form, reg));
            for (int i = 0; i < got.size(); i++) {
                String what = form + " in command " + i;
                assertEquals(want.get(i).exit(), got.get(i).exit(), what + "\n" + got.get(i).err());
                // export-reg's one stdout line names its own output file
                assertEquals(want.get(i).out().replace("want.reg", reg), got.get(i).out(), what);
                // diff resolves the path in both hives (--b-path only in B)
                String notes = i == 7 ? note + noteAfter : i == 8 ? noteAfter : note;
                assertEquals(notes + want.get(i).err(), got.get(i).err(), what);
            }
            assertArrayEquals(wantReg, Files.readAllBytes(out.resolve(reg)), form);
        }
        CliRun data = CliRun.of("hive", "get", system, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip", "ImagePath",
                "--data");
        assertEquals(0, data.exit(), data.err());
        assertEquals("one\n", data.out());
        assertEquals(note, data.err());
    }

    @Test
    void currentControlSetWithoutAUsableSelectIsNotFoundInOneLine() throws Exception {
        HiveBuilder none = HiveBuilder.v15();
        none.key("ControlSet001\\Services\\Tcpip");
        String noSelect = none.write(dir.resolve("ev").resolve("NOSELECT")).toString();
        for (String[] args : List.of(new String[] {"hive", "ls", noSelect, "HKLM\\SYSTEM\\CurrentControlSet\\Services"},
                new String[] {"hive", "dump", noSelect, "--path", "HKLM\\SYSTEM\\CurrentControlSet\\Services"})) {
            CliRun r = CliRun.of(args);
            assertEquals(1, r.exit(), r.err());
            assertEquals("", r.out());
            assertEquals("patchlens: " + noSelect + ": key not found: HKLM\\SYSTEM\\CurrentControlSet\\Services "
                    + "(CurrentControlSet cannot be resolved: the hive has no Select key)\n", r.err());
        }
        HiveBuilder absent = HiveBuilder.v15();
        absent.key("ControlSet001\\Services\\Tcpip");
        absent.key("Select").dword("Current", 3);
        String three = absent.write(dir.resolve("ev").resolve("THREE")).toString();
        CliRun r = CliRun.of("hive", "get", three, "CurrentControlSet\\Services\\Tcpip");
        assertEquals(1, r.exit(), r.err());
        assertEquals("patchlens: " + three + ": key not found: CurrentControlSet\\Services\\Tcpip (CurrentControlSet cannot "
                + "be resolved: Select\\Current = 3 names ControlSet003, which is not in the hive)\n", r.err());
    }

    @Test
    void theNotFoundMessageSaysWhichPartIsMissing() {
        CliRun r = CliRun.of("hive", "ls", system, "ControlSet001\\Services\\Nope");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("patchlens: " + system + ": key not found: ControlSet001\\Services\\Nope (no subkey \"Nope\" under "
                + "ControlSet001\\Services)\n", r.err());
        CliRun deep = CliRun.of("hive", "timeline", system, "--path", "HKLM/SYSTEM/ControlSet001/Services/Tcpip/Nope/Deeper");
        assertEquals("patchlens: " + system + ": key not found: HKLM/SYSTEM/ControlSet001/Services/Tcpip/Nope/Deeper (no "
                + "subkey \"Nope/Deeper\" or \"Nope\" under ControlSet001\\Services\\Tcpip)\n", deep.err());
        CliRun top = CliRun.of("hive", "export-reg", system, "--path", "Nope", "-o", out.resolve("x.reg").toString());
        assertEquals(1, top.exit(), top.err());
        assertEquals("patchlens: " + system + ": key not found: Nope (no subkey \"Nope\" under the root key)\n", top.err());
        CliRun other = CliRun.of("hive", "get", system, "HKLM\\SOFTWARE\\Microsoft", "x");
        assertEquals(1, other.exit(), other.err());
        assertEquals("patchlens: " + system + ": key not found: HKLM\\SOFTWARE\\Microsoft (HKLM\\SOFTWARE names the SOFTWARE "
                + "hive, but this file is the SYSTEM hive (file name SYSTEM; base block file name "
                + "stemRoot\\System32\\Config\\SYSTEM))\n", other.err());
        CliRun b = CliRun.of("hive", "diff", system, after, "--path", "ControlSet001", "--b-path", "HKCU\\Software");
        assertEquals(1, b.exit(), b.err());
        assertEquals("patchlens: " + after + ": key not found: HKCU\\Software (HKCU names a user hive (NTUSER.DAT, DEFAULT), "
                + "but this file is the SYSTEM hive (file name SYSTEM.after; base block file name "
                + "stemRoot\\System32\\Config\\SYSTEM))\n", b.err());
    }

    @Test
    void aValueNotFoundIsQuotedUnderItsKey() {
        CliRun r = CliRun.of("hive", "get", system, "Select", "Nope");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("patchlens: " + system + ": value not found: \"Nope\" under \\Select\n", r.err());
        assertEquals("patchlens: " + system + ": value not found: the default value under \\Select\n",
                CliRun.of("hive", "get", system, "Select", "").err());
        // a name that looks like the old wording's separator, or like the default value's, stays one quoted name
        assertEquals("patchlens: " + system + ": value not found: \"Current : x\" under \\Select\n",
                CliRun.of("hive", "get", system, "Select", "Current : x").err());
        assertEquals("patchlens: " + system + ": value not found: \"(default)\" under the root key\n",
                CliRun.of("hive", "get", system, "\\", "(default)").err());
        assertEquals("patchlens: " + crafted + ": value not found: \"a\\u001b[2Jb\" under \\E\n",
                CliRun.of("hive", "get", crafted, "E", "a" + ESC + "[2Jb").err());
    }

    /** A key path or value name of 1 MB (an @FILE allows it) is echoed capped, not twice in full. */
    @Test
    void aHugeArgumentIsEchoedCappedInEveryKeyPathError() {
        String huge = "N".repeat(1 << 20);
        String capped = "N".repeat(200) + "... (1048576 chars)";
        String notFound = ": key not found: " + capped + " (no subkey \"" + capped + "\" under the root key)\n";
        List<String[]> commands = commands(huge, "huge.reg");
        for (int i = 0; i < commands.size(); i++) {
            // the last is diff's --b-path, resolved in the second hive
            assertCapped("patchlens: " + (i == commands.size() - 1 ? after : system) + notFound, commands.get(i));
        }
        assertCapped("patchlens: " + system + ": value not found: \"" + capped + "\" under \\Select\n",
                "hive", "get", system, "Select", huge);
        assertCapped("patchlens: " + system + ": key not found in any state of the history: " + capped + "\n",
                "hive", "history", system, "--path", huge);
        // the path is capped as a whole; the refusal quotes its mount point, capped on its own
        assertCapped("patchlens: " + system + ": key not found: HKU\\" + "N".repeat(196) + "... (1048589 chars) (HKU\\"
                + capped + " names a user hive (NTUSER.DAT, DEFAULT), but this file is the SYSTEM hive (file name "
                + "SYSTEM; base block file name stemRoot\\System32\\Config\\SYSTEM))\n",
                "hive", "ls", system, "HKU\\" + huge + "\\Software");
        assertEquals(List.of(), List.of(out.toFile().list()), "export-reg wrote nothing");
    }

    /** Exit code 1 (not found, as before), nothing on stdout, exactly {@code line} on stderr. */
    private static void assertCapped(String line, String... args) {
        CliRun r = CliRun.of(args);
        String cmd = args[0] + " " + args[1] + " (" + args.length + " arguments)";
        assertEquals(1, r.exit(), cmd);
        assertEquals("", r.out(), cmd);
        assertEquals(line, r.err(), cmd);
    }

    @Test
    void userAndClassesHivePaths() {
        String want = CliRun.of("hive", "ls", ntuser, "Software\\Vendor\\App").out();
        assertTrue(want.startsWith("\\Software\\Vendor\\App  ["), want);
        for (String form : List.of("HKCU\\Software\\Vendor\\App", "HKEY_CURRENT_USER\\Software\\Vendor\\App",
                "Computer\\HKEY_CURRENT_USER\\Software\\Vendor\\App", "HKU\\" + SID + "\\Software\\Vendor\\App",
                "HKEY_USERS\\" + SID + "\\Software\\Vendor\\App", "HKU\\.DEFAULT\\Software\\Vendor\\App",
                "HKCU/Software/Vendor/App")) {
            CliRun r = CliRun.of("hive", "ls", ntuser, form);
            assertEquals(0, r.exit(), form + "\n" + r.err());
            assertEquals(want, r.out(), form);
            assertEquals("", r.err(), form);
        }
        CliRun get = CliRun.of("hive", "get", usrclass, "HKU\\" + SID + "_Classes\\CLSID\\{00000000-0000-0000-0000-000000000001}",
                "", "--data");
        assertEquals(0, get.exit(), get.err());
        assertEquals("x.dll\n", get.out());
        CliRun wrong = CliRun.of("hive", "get", usrclass, "HKCU\\CLSID");
        assertEquals(1, wrong.exit());
        assertEquals("patchlens: " + usrclass + ": key not found: HKCU\\CLSID (HKCU names a user hive (NTUSER.DAT, "
                + "DEFAULT), but this file is a classes hive (file name UsrClass.dat))\n", wrong.err());
    }

    @Test
    void aKeyWhoseNameHoldsASlashIsReachableBothWays() {
        CliRun want = CliRun.of("hive", "ls", software, "Classes\\MIME\\Database\\Content Type\\text/html");
        assertEquals(0, want.exit(), want.err());
        assertTrue(want.out().startsWith("\\Classes\\MIME\\Database\\Content Type\\text/html  ["), want.out());
        assertTrue(want.out().contains("Extension  REG_SZ  \".htm\""), want.out());
        for (String form : List.of("Classes/MIME/Database/Content Type/text/html",
                "HKLM\\SOFTWARE\\Classes\\MIME\\Database\\Content Type\\text/html",
                "Computer\\HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\MIME\\Database\\Content Type\\text/html",
                "HKLM/SOFTWARE/Classes/MIME/Database/Content Type/text/html")) {
            CliRun r = CliRun.of("hive", "ls", software, form);
            assertEquals(want.out(), r.out(), form);
            assertEquals("", r.err(), form);
        }
        CliRun get = CliRun.of("hive", "get", software, "Classes/MIME/Database/Content Type/text/plain", "Extension", "--data");
        assertEquals(".txt\n", get.out());
        CliRun dump = CliRun.of("hive", "dump", software, "--path", "Classes/MIME/Database/Content Type", "--format", "listing");
        assertEquals(0, dump.exit(), dump.err());
        assertTrue(dump.out().contains("K\t\\Classes\\MIME\\Database\\Content Type\\text/html\t"), dump.out());
    }

    @Test
    void siblingsThatDifferOnlyInCaseAreBothReachable() {
        CliRun foo = CliRun.of("hive", "get", crafted, "Parent\\Foo", "which", "--data");
        assertEquals(0, foo.exit(), foo.err());
        assertEquals("Foo\n", foo.out());
        CliRun upper = CliRun.of("hive", "get", crafted, "Parent\\FOO", "which", "--data");
        assertEquals(0, upper.exit(), upper.err());
        assertEquals("FOO\n", upper.out());
        CliRun ls = CliRun.of("hive", "ls", crafted, "Parent/FOO");
        assertTrue(ls.out().startsWith("\\Parent\\FOO  ["), ls.out());
        // neither spelling typed: the first listed, said on stderr (reading the list also finds the duplicate)
        CliRun neither = CliRun.of("hive", "get", crafted, "parent\\foo", "which", "--data");
        assertEquals("Foo\n", neither.out());
        assertEquals(1, neither.exit(), neither.err());
        assertTrue(neither.err().startsWith("patchlens: note: " + crafted + ": Parent has 2 subkeys named \"foo\" "
                + "ignoring case; the first listed, \"Foo\", is used (type the exact name to reach another)\n"), neither.err());
        assertTrue(neither.err().contains("(key \\Parent\\FOO): subkey listed twice (duplicate name)"), neither.err());
        // the dump lists both, as the file holds them
        CliRun dump = CliRun.of("hive", "dump", crafted, "--path", "Parent", "--format", "listing");
        assertTrue(dump.out().contains("K\t\\Parent\\Foo\t") && dump.out().contains("K\t\\Parent\\FOO\t"), dump.out());
    }

    @Test
    void getShowsEveryValueOfADuplicatedName() {
        CliRun r = CliRun.of("hive", "get", crafted, "K", "X");
        assertEquals(0, r.exit(), r.err());
        assertEquals("X  REG_SZ  \"first\"\nX  REG_SZ  \"second\"\n", r.out());
        assertEquals("patchlens: note: " + crafted + ": \\K has 2 values named \"X\"; all are shown\n", r.err());
        CliRun data = CliRun.of("hive", "get", crafted, "K", "X", "--data");
        assertEquals("first\nsecond\n", data.out());
        assertEquals("patchlens: note: " + crafted + ": \\K has 2 values named \"X\"; all are shown\n", data.err());
        CliRun lower = CliRun.of("hive", "get", crafted, "K", "x", "--hex");
        assertEquals("660069007200730074000000\n7300650063006f006e0064000000\n", lower.out());
        assertEquals("patchlens: note: " + crafted + ": \\K has 2 values named \"x\" ignoring case (\"X\", \"X\"); all are shown\n",
                lower.err());
        CliRun one = CliRun.of("hive", "get", crafted, "K", "Other");
        assertEquals("Other  REG_SZ  \"o\"\n", one.out());
        assertEquals("", one.err());
    }

    @Test
    void getDataShowsControlCharactersEscapedAndOneEntryPerLine() {
        CliRun s = CliRun.of("hive", "get", crafted, "E", "S", "--data");
        assertEquals(0, s.exit(), s.err());
        assertEquals("a\\u001b[31mb\\u0007c\n", s.out());
        CliRun m = CliRun.of("hive", "get", crafted, "E", "M", "--data");
        assertEquals("one\\u001b[2J\n\ntwo\\u0007\n", m.out());
        CliRun line = CliRun.of("hive", "get", crafted, "E", "Line", "--data");
        assertEquals("x\\ny\n", line.out());
        for (CliRun r : List.of(s, m, line, CliRun.of("hive", "get", crafted, "E"))) {
            assertTrue(r.out().indexOf(ESC) < 0 && r.out().indexOf('\u0007') < 0, r.out());
        }
    }
}
