package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key path grammar ({@link KeyPath}): parsing, and resolution on builder-made hives. */
class KeyPathTest {
    private static final String ROOT = "CMI-CreateHive{2A7FB991-7BBE-4F9D-B91E-7CB51D4737F5}";

    /** A SYSTEM-like hive: two control sets, Select\Current = 2. */
    static HiveBuilder system() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("ControlSet001\\Services\\Tcpip").sz("ImagePath", "one");
        b.key("ControlSet002\\Services\\Tcpip").sz("ImagePath", "two");
        b.key("Select").dword("Current", 2).dword("Default", 2);
        return b;
    }

    static Hive open(String fileName, HiveBuilder b) {
        return Hive.fromBytes(fileName, b.toBytes());
    }

    static String path(KeyPath.Resolution r) {
        return r.found() ? r.key().path() : "not found: " + r.failure();
    }

    // ------------------------------------------------------------------ parse

    @Test
    void parseReadsTheRootAliasTheMountPointAndTheNames() {
        KeyPath p = KeyPath.parse("HKLM\\SYSTEM\\ControlSet001\\Services");
        assertEquals(KeyPath.Root.HKLM, p.root());
        assertEquals("HKLM", p.rootAlias());
        assertEquals("SYSTEM", p.mount());
        assertEquals(List.of("ControlSet001", "Services"), p.below());
        assertFalse(p.computerPrefix());

        KeyPath c = KeyPath.parse("Computer\\HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft");
        assertTrue(c.computerPrefix());
        assertEquals(KeyPath.Root.HKLM, c.root());
        assertEquals("HKEY_LOCAL_MACHINE", c.rootAlias());
        assertEquals("SOFTWARE", c.mount());
        assertEquals(List.of("Microsoft"), c.below());

        KeyPath u = KeyPath.parse("hkcu/Software/Vendor");
        assertEquals(KeyPath.Root.HKCU, u.root());
        assertNull(u.mount());
        assertEquals(List.of("Software", "Vendor"), u.below());

        KeyPath s = KeyPath.parse("HKEY_USERS\\S-1-5-21-1-2-3-1001_Classes\\CLSID");
        assertEquals(KeyPath.Root.HKU, s.root());
        assertEquals("S-1-5-21-1-2-3-1001_Classes", s.mount());

        assertEquals(KeyPath.Root.VIEW, KeyPath.parse("HKCR\\CLSID").root());
        assertTrue(KeyPath.parse("My Computer\\HKLM\\SYSTEM").computerPrefix());
        // "Computer" before something that is not a root alias is a name
        KeyPath plain = KeyPath.parse("Computer\\Name");
        assertFalse(plain.computerPrefix());
        assertEquals(KeyPath.Root.NONE, plain.root());
        assertEquals(List.of("Computer", "Name"), plain.below());
    }

    @Test
    void parseSplitsAtBothSeparatorsKeepingWhatWasTyped() {
        KeyPath p = KeyPath.parse("\\\\MIME\\\\Database/Content Type//text/html\\");
        assertEquals(List.of("MIME", "Database", "Content Type", "text", "html"), p.names());
        assertEquals(List.of("", "\\\\", "/", "//", "/"), p.separators());
        assertEquals(KeyPath.Root.NONE, p.root());
        assertEquals(List.of(), KeyPath.parse("\\").names());
        assertEquals(List.of(), KeyPath.parse("").names());
    }

    // ------------------------------------------------------------------ forms of one key

    @Test
    void everyFormOfAMachinePathNamesTheSameKey() {
        Hive h = open("SYSTEM", system());
        Key want = h.key("ControlSet001\\Services");
        assertEquals("\\ControlSet001\\Services", want.path());
        for (String p : List.of("ControlSet001\\Services", "\\ControlSet001\\Services", "controlset001\\SERVICES",
                ROOT + "\\ControlSet001\\Services", "\\" + ROOT + "\\ControlSet001\\Services",
                "HKLM\\SYSTEM\\ControlSet001\\Services", "hklm\\system\\ControlSet001\\Services",
                "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services", "\\HKLM\\SYSTEM\\ControlSet001\\Services\\",
                "Computer\\HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services",
                "My Computer\\HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services",
                "ControlSet001/Services", "/ControlSet001/Services/", "HKLM/SYSTEM/ControlSet001/Services",
                "Computer/HKEY_LOCAL_MACHINE/SYSTEM\\ControlSet001/Services", "ControlSet001\\\\Services",
                "HKLM\\" + ROOT + "\\ControlSet001\\Services")) {
            KeyPath.Resolution r = KeyPath.resolve(h, p);
            assertEquals(want.path(), path(r), p);
            assertEquals(List.of(), r.notes(), p);
            assertEquals(want.path(), h.key(p).path(), "Hive.key delegates: " + p);
        }
        assertTrue(KeyPath.resolve(h, "HKLM\\SYSTEM").key().isRoot());
        assertTrue(KeyPath.resolve(h, "Computer\\HKEY_LOCAL_MACHINE\\SYSTEM\\").key().isRoot());
        assertTrue(KeyPath.resolve(h, "\\").key().isRoot());
        assertTrue(KeyPath.resolve(h, ROOT).key().isRoot());
    }

    @Test
    void theMountPointMustNotContradictWhatTheFileSaysItIs() {
        Hive sys = open("SYSTEM", system());
        assertEquals("not found: HKLM\\SOFTWARE names the SOFTWARE hive, but this file is the SYSTEM hive (file name SYSTEM)",
                path(KeyPath.resolve(sys, "HKLM\\SOFTWARE\\ControlSet001")));
        assertEquals("not found: HKCU names a user hive (NTUSER.DAT, DEFAULT), but this file is the SYSTEM hive (file "
                + "name SYSTEM)", path(KeyPath.resolve(sys, "HKCU\\ControlSet001")));
        assertEquals("not found: HKU\\S-1-5-18 names a user hive (NTUSER.DAT, DEFAULT), but this file is the SYSTEM hive "
                + "(file name SYSTEM)", path(KeyPath.resolve(sys, "HKU\\S-1-5-18\\ControlSet001")));
        // a load point (reg load HKLM\Temp FILE) is no known mount point: accepted
        assertEquals("\\ControlSet001", path(KeyPath.resolve(sys, "HKLM\\Temp\\ControlSet001")));
        // a file that says nothing about itself takes any mount point
        Hive renamed = open("evidence-0042.bin", system());
        assertEquals("\\ControlSet001", path(KeyPath.resolve(renamed, "HKLM\\SOFTWARE\\ControlSet001")));
        assertEquals("\\ControlSet001", path(KeyPath.resolve(renamed, "HKCU\\ControlSet001")));
        // the base block's file name speaks too
        Hive named = open("x.bin", system().fileName("\\SystemRoot\\System32\\Config\\SYSTEM"));
        assertEquals("\\ControlSet001", path(KeyPath.resolve(named, "HKLM\\SYSTEM\\ControlSet001")));
        assertEquals("not found: HKLM\\SAM names the SAM hive, but this file is the SYSTEM hive (base block file name "
                + "stemRoot\\System32\\Config\\SYSTEM)", path(KeyPath.resolve(named, "HKLM\\SAM\\ControlSet001")));
        Hive both = open("/evidence/SYSTEM.before", system().fileName("emRoot\\System32\\Config\\SYSTEM"));
        assertEquals("not found: HKEY_LOCAL_MACHINE\\Software names the SOFTWARE hive, but this file is the SYSTEM hive "
                + "(file name SYSTEM.before; base block file name emRoot\\System32\\Config\\SYSTEM)",
                path(KeyPath.resolve(both, "HKEY_LOCAL_MACHINE\\Software\\Select")));
        // the cluster hive is CLUSDB on disk, HKLM\Cluster when loaded
        HiveBuilder clus = HiveBuilder.v13();
        clus.key("Resources\\R1").sz("Name", "Exchange Information Store");
        assertEquals("\\Resources\\R1", path(KeyPath.resolve(open("CLUSDB", clus), "HKLM\\Cluster\\Resources\\R1")));
        assertEquals("not found: HKLM\\SYSTEM names the SYSTEM hive, but this file is the cluster hive (file name "
                + "CLUSDB)", path(KeyPath.resolve(open("CLUSDB", clus), "HKLM\\SYSTEM\\Resources")));
        // the root key's own name is always a mount point of its hive
        HiveBuilder named2 = system().rootName("SYSTEM_OLD");
        assertEquals("\\Select", path(KeyPath.resolve(open("SOFTWARE", named2), "HKLM\\SYSTEM_OLD\\Select")));
    }

    @Test
    void userAndClassesHives() {
        HiveBuilder nt = HiveBuilder.v15();
        nt.key("Software\\Vendor\\App").sz("Name", "x");
        Hive user = open("NTUSER.DAT", nt);
        for (String p : List.of("HKCU\\Software\\Vendor\\App", "HKEY_CURRENT_USER\\Software\\Vendor\\App",
                "HKU\\S-1-5-21-1004336348-1177238915-682003330-1001\\Software\\Vendor\\App",
                "HKEY_USERS\\S-1-5-21-1004336348-1177238915-682003330-1001\\Software\\Vendor\\App",
                "Computer\\HKEY_CURRENT_USER\\Software\\Vendor\\App", "HKU\\.DEFAULT\\Software\\Vendor\\App",
                "hkcu/software/vendor/app")) {
            assertEquals("\\Software\\Vendor\\App", path(KeyPath.resolve(user, p)), p);
        }
        assertEquals("not found: HKU\\S-1-5-21-1-2-3-1001_Classes names a classes hive (UsrClass.dat), but this file is "
                + "a user hive (file name NTUSER.DAT)",
                path(KeyPath.resolve(user, "HKU\\S-1-5-21-1-2-3-1001_Classes\\Software")));
        assertEquals("not found: HKLM\\SOFTWARE names the SOFTWARE hive, but this file is a user hive (file name "
                + "NTUSER.DAT)", path(KeyPath.resolve(user, "HKLM\\SOFTWARE\\Vendor")));
        assertEquals("\\Software\\Vendor\\App", path(KeyPath.resolve(open("DEFAULT", nt), "HKU\\.DEFAULT\\Software\\Vendor\\App")));

        HiveBuilder uc = HiveBuilder.v15();
        uc.key("CLSID\\{00000000-0000-0000-0000-000000000001}\\InprocServer32").sz("", "x.dll");
        Hive classes = open("UsrClass.dat", uc);
        assertEquals("\\CLSID", path(KeyPath.resolve(classes, "HKU\\S-1-5-21-1-2-3-1001_Classes\\CLSID")));
        assertEquals("\\CLSID", path(KeyPath.resolve(classes, "HKEY_USERS\\S-1-5-21-1-2-3-1001_classes\\CLSID")));
        assertEquals("not found: HKCU names a user hive (NTUSER.DAT, DEFAULT), but this file is a classes hive "
                + "(file name UsrClass.dat)", path(KeyPath.resolve(classes, "HKCU\\CLSID")));
    }

    @Test
    void aRootAliasAloneOrAViewOfSeveralHivesNamesNoKey() {
        Hive h = open("SYSTEM", system());
        assertEquals("not found: HKLM alone names no hive: add where this one is mounted, e.g. HKLM\\SYSTEM",
                path(KeyPath.resolve(h, "HKLM")));
        assertEquals("not found: HKEY_USERS alone names no hive: add the user's SID (or .DEFAULT, or SID_Classes)",
                path(KeyPath.resolve(h, "HKEY_USERS\\")));
        assertEquals("not found: HKCR is a view that merges several hives, not one hive: give the path in the hive that "
                + "holds the key (HKEY_CLASSES_ROOT: HKLM\\SOFTWARE\\Classes or HKU\\<SID>_Classes; HKEY_CURRENT_CONFIG: "
                + "HKLM\\SYSTEM\\CurrentControlSet\\Hardware Profiles\\Current)", path(KeyPath.resolve(h, "HKCR\\CLSID")));
    }

    @Test
    void aKeyInTheFileWinsOverAnAliasOfTheSameName() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("HKLM\\SYSTEM").sz("literal", "yes");
        b.key("Computer\\Name").sz("literal", "yes");
        b.key("Select").dword("Current", 1);
        Hive h = open("SYSTEM", b);
        assertEquals("\\HKLM\\SYSTEM", path(KeyPath.resolve(h, "HKLM\\SYSTEM")));
        assertEquals("\\Computer\\Name", path(KeyPath.resolve(h, "Computer\\Name")));
        // a subkey named like the root key wins over the root name
        HiveBuilder r = HiveBuilder.v15().rootName("ROOT");
        r.key("ROOT\\Inner");
        r.key("Other");
        Hive rh = open("x", r);
        assertEquals("\\ROOT", path(KeyPath.resolve(rh, "ROOT")));
        assertEquals("\\ROOT\\Inner", path(KeyPath.resolve(rh, "ROOT\\Inner")));
        assertEquals("not found: no subkey \"Other\" under ROOT", path(KeyPath.resolve(rh, "ROOT\\Other")));
        assertEquals("\\Other", path(KeyPath.resolve(rh, "Other")));
    }

    // ------------------------------------------------------------------ '/' in names

    /** Classes\MIME\Database\Content Type with text/html and text/plain, and a key "text" of its own. */
    static HiveBuilder mime() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Classes\\MIME\\Database\\Content Type\\text/html").sz("Extension", ".htm");
        b.key("Classes\\MIME\\Database\\Content Type\\text/plain").sz("Extension", ".txt");
        b.key("Classes\\MIME\\Database\\Content Type\\text\\xml").sz("Extension", "nested");
        b.key("Classes\\a/b").sz("v", "slash");
        b.key("Classes\\a\\b\\c").sz("v", "nested");
        return b;
    }

    @Test
    void aNameHoldingASlashIsReachableBothWays() {
        Hive h = open("SOFTWARE", mime());
        String html = "\\Classes\\MIME\\Database\\Content Type\\text/html";
        for (String p : List.of("Classes\\MIME\\Database\\Content Type\\text/html",
                "Classes/MIME/Database/Content Type/text/html", "HKLM\\SOFTWARE\\Classes\\MIME\\Database\\Content Type\\text/html",
                "HKLM/SOFTWARE/Classes/MIME/Database/Content Type/text/html", "classes/mime/database/content type/TEXT/HTML")) {
            KeyPath.Resolution r = KeyPath.resolve(h, p);
            assertEquals(html, path(r), p);
            assertEquals("text/html", r.key().name(), p);
        }
        // "text" is also a key: the longest reading that exists is taken
        assertEquals("\\Classes\\MIME\\Database\\Content Type\\text\\xml",
                path(KeyPath.resolve(h, "Classes/MIME/Database/Content Type/text/xml")));
        // the longest reading (a/b) exists but has no c: the shorter one (a, then b) is tried
        assertEquals("\\Classes\\a\\b\\c", path(KeyPath.resolve(h, "Classes/a/b/c")));
        assertEquals("\\Classes\\a/b", path(KeyPath.resolve(h, "Classes/a/b")));
        assertEquals("\\Classes\\a\\b", path(KeyPath.resolve(h, "Classes\\a\\b")), "a backslash always separates");
        assertEquals("not found: no subkey \"image/png\" or \"image\" under Classes\\MIME\\Database\\Content Type",
                path(KeyPath.resolve(h, "Classes\\MIME\\Database\\Content Type\\image/png")));
        // "text" exists (it holds xml): the deepest place the path stops is named
        assertEquals("not found: no subkey \"htm\" under Classes\\MIME\\Database\\Content Type\\text",
                path(KeyPath.resolve(h, "Classes/MIME/Database/Content Type/text/htm")));
        assertEquals("not found: no subkey \"htm\" under Classes\\MIME\\Database\\Content Type\\text",
                path(KeyPath.resolve(h, "Classes\\MIME\\Database\\Content Type\\text\\htm")));
    }

    @Test
    void slashReadingsCostBoundedWork() {
        HiveBuilder b = HiveBuilder.v15();
        StringBuilder chain = new StringBuilder("a");
        for (int i = 1; i < 150; i++) {
            chain.append("\\a");
        }
        b.key(chain.toString());
        Hive h = open("x", b);
        assertEquals(150, KeyPath.resolve(h, "a/".repeat(149) + "a").key().depth());
        KeyPath.Resolution past = KeyPath.resolve(h, "a/".repeat(199) + "a");
        assertTrue(past.failure().startsWith("no subkey \"" + "a/".repeat(49) + "a\" nor any of its 49 shorter readings "
                + "down to \"a\" under a\\a\\"), past.failure());
        assertEquals("not found: the path has 1025 names, more than 1024", path(KeyPath.resolve(h, "a\\".repeat(1025))));

        // a crafted trie where every key has subkeys "a" and "a/a": 10,945 ways to read a run of a's
        HiveBuilder t = HiveBuilder.v15();
        trie(t.root(), 0, 18);
        Hive th = open("x", t);
        String tooLong = "a/".repeat(30) + "a";
        KeyPath.Resolution r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> KeyPath.resolve(th, tooLong));
        assertEquals("not found: the path's '/' separators allow more readings than 4096 key searches; use '\\' between "
                + "names", path(r));
        assertEquals(18, KeyPath.resolve(th, "a\\".repeat(18)).key().depth(), "backslashes: one reading");
    }

    private static void trie(HiveBuilder.K k, int weight, int max) {
        if (weight + 1 <= max) {
            trie(k.key("a"), weight + 1, max);
        }
        if (weight + 2 <= max) {
            trie(k.key("a/a"), weight + 2, max);
        }
    }

    // ------------------------------------------------------------------ CurrentControlSet

    @Test
    void currentControlSetFollowsSelectCurrent() {
        Hive h = open("SYSTEM", system());
        for (String p : List.of("CurrentControlSet\\Services\\Tcpip", "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip",
                "HKEY_LOCAL_MACHINE\\SYSTEM\\currentcontrolset\\Services\\Tcpip",
                "Computer\\HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip",
                "HKLM/SYSTEM/CurrentControlSet/Services/Tcpip")) {
            KeyPath.Resolution r = KeyPath.resolve(h, p);
            assertEquals("\\ControlSet002\\Services\\Tcpip", path(r), p);
            assertEquals(List.of("CurrentControlSet is ControlSet002 (Select\\Current = 2)"), r.notes(), p);
        }
        assertEquals("not found: no subkey \"Nope\" under ControlSet002\\Services",
                path(KeyPath.resolve(h, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Nope")));
        // only right below the root
        assertEquals("not found: no subkey \"CurrentControlSet\" under ControlSet001",
                path(KeyPath.resolve(h, "ControlSet001\\CurrentControlSet")));
    }

    @Test
    void currentControlSetThatCannotBeResolvedIsNotFoundWithTheReason() {
        HiveBuilder noSelect = HiveBuilder.v15();
        noSelect.key("ControlSet001\\Services");
        assertEquals("not found: CurrentControlSet cannot be resolved: the hive has no Select key",
                path(KeyPath.resolve(open("SYSTEM", noSelect), "HKLM\\SYSTEM\\CurrentControlSet\\Services")));
        HiveBuilder noCurrent = HiveBuilder.v15();
        noCurrent.key("ControlSet001\\Services");
        noCurrent.key("Select").dword("Default", 1);
        assertEquals("not found: CurrentControlSet cannot be resolved: Select has no Current value",
                path(KeyPath.resolve(open("SYSTEM", noCurrent), "CurrentControlSet")));
        HiveBuilder text = HiveBuilder.v15();
        text.key("ControlSet001\\Services");
        text.key("Select").sz("Current", "1");
        assertEquals("not found: CurrentControlSet cannot be resolved: Select\\Current is REG_SZ of 4 bytes, not a "
                + "4-byte REG_DWORD", path(KeyPath.resolve(open("SYSTEM", text), "CurrentControlSet")));
        HiveBuilder absent = HiveBuilder.v15();
        absent.key("ControlSet001\\Services");
        absent.key("Select").dword("Current", 3);
        assertEquals("not found: CurrentControlSet cannot be resolved: Select\\Current = 3 names ControlSet003, which is "
                + "not in the hive", path(KeyPath.resolve(open("SYSTEM", absent), "CurrentControlSet\\Services")));
        // a CurrentControlSet key stored in the file (Windows never stores one) is read as it is
        HiveBuilder stored = system();
        stored.key("CurrentControlSet\\Stored");
        KeyPath.Resolution r = KeyPath.resolve(open("SYSTEM", stored), "CurrentControlSet\\Stored");
        assertEquals("\\CurrentControlSet\\Stored", path(r));
        assertEquals(List.of(), r.notes());
    }

    // ------------------------------------------------------------------ case

    @Test
    void siblingsThatDifferOnlyInCaseAreEachReachableByTheirExactName() {
        HiveBuilder b = HiveBuilder.v15();
        HiveBuilder.K parent = b.key("Parent");
        parent.addKey("Foo").sz("which", "Foo");
        parent.addKey("FOO").sz("which", "FOO");
        Hive h = open("x", b);
        Key foo = KeyPath.resolve(h, "Parent\\Foo").key();
        Key upper = KeyPath.resolve(h, "Parent\\FOO").key();
        assertEquals("Foo", foo.name());
        assertEquals("FOO", upper.name());
        assertEquals("FOO", upper.value("which").decoded().text());
        assertEquals("FOO", h.key("Parent/FOO").name());
        assertEquals("FOO", h.root().subkey("Parent").subkey("FOO").name(), "Key.subkey: exact case wins");
        assertEquals(2, h.root().subkey("Parent").subkeysNamed("foo").size());
        assertEquals(List.of(), KeyPath.resolve(h, "Parent\\FOO").notes());
        KeyPath.Resolution neither = KeyPath.resolve(h, "parent\\foo");
        assertEquals("Foo", neither.key().name(), "no exact match: the first listed");
        assertEquals(List.of("Parent has 2 subkeys named \"foo\" ignoring case; the first listed, \"Foo\", is used "
                + "(type the exact name to reach another)"), neither.notes());
        // the same built the other way round: exact case still decides
        HiveBuilder c = HiveBuilder.v15();
        c.root().addKey("FOO").sz("which", "FOO");
        c.root().addKey("Foo").sz("which", "Foo");
        Hive hc = open("x", c);
        assertEquals("Foo", hc.key("Foo").name());
        assertEquals("FOO", hc.key("FOO").name());
    }

    @Test
    void valuesOfOneNameAreAllFoundExactCaseFirst() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("K").addSz("X", "first").addSz("X", "second").addSz("x", "lower");
        Hive h = open("x", b);
        Key k = h.key("K");
        assertEquals(List.of("first", "second"), k.valuesNamed("X").stream().map(v -> v.decoded().text()).toList());
        assertEquals(List.of("lower"), k.valuesNamed("x").stream().map(v -> v.decoded().text()).toList());
        assertSame(k.valuesNamed("X").get(0).key(), k);
        assertEquals("lower", k.value("x").decoded().text(), "Key.value: exact case wins");
        // no exact spelling: every case-insensitive match
        HiveBuilder c = HiveBuilder.v15();
        c.key("K").addSz("Name", "a").addSz("NAME", "b");
        assertEquals(List.of("a", "b"), open("x", c).key("K").valuesNamed("name").stream()
                .map(v -> v.decoded().text()).toList());
    }
}
