package org.patchlens.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.ese.EseBuilder;
import org.patchlens.hive.HiveBuilder;

/** Discovery by content: every kind in a mixed tree, unrelated files ignored, links never followed. */
class EvidenceScannerTest {
    @Test
    void findsEveryKindByContentNotByName(@TempDir Path tmp) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("restore"));
        HiveBuilder sys = HiveBuilder.v13();
        sys.key("Select").dword("Current", 1);
        sys.key("ControlSet001\\Services\\ClusSvc").dword("Start", 2);
        sys.write(tree.resolve("hive-a.bin")); // a SYSTEM hive under a meaningless name
        HiveBuilder clus = HiveBuilder.v13();
        clus.key("Groups\\G1").sz("Name", "Exchange");
        clus.key("Resources\\R1").sz("Name", "IS");
        clus.write(tree.resolve("chk0001.tmp"));
        Path guid = Files.createDirectories(tree.resolve("MSCS").resolve("2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022"));
        HiveBuilder cpt = HiveBuilder.v13();
        cpt.root().sz("DB Path", "D:\\exchsrvr\\MDBDATA\\PRIV.EDB");
        cpt.write(guid.resolve("00000002.CPT"));
        Files.write(tree.resolve("db.bin"), EseBuilder.Database.ese97().set("state", 3).bytes());
        Files.write(tree.resolve("Edb00010.log"), EseBuilder.Log.current().set("generation", 16).bytes());
        Files.write(tree.resolve("edb.chk"), new EseBuilder.Checkpoint().bytes());
        Files.writeString(tree.resolve("notes.txt"), "restore notes: nothing to see\n");
        Files.write(tree.resolve("random.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.write(tree.resolve("empty"), new byte[0]);
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        HiveBuilder.v13().write(outside.resolve("SYSTEM"));
        Files.createSymbolicLink(tree.resolve("link-out"), outside);
        Files.createSymbolicLink(tree.resolve("link-file"), outside.resolve("SYSTEM"));

        List<Evidence> found = EvidenceScanner.scan(tree);
        Map<String, EvidenceKind> kinds = found.stream().collect(Collectors.toMap(Evidence::name, Evidence::kind));
        assertEquals(EvidenceKind.SYSTEM_HIVE, kinds.get("hive-a.bin"));
        assertEquals(EvidenceKind.CLUSTER_HIVE, kinds.get("chk0001.tmp"));
        assertEquals(EvidenceKind.REGISTRY_CHECKPOINT,
                kinds.get("MSCS/2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022/00000002.CPT"));
        assertEquals(EvidenceKind.ESE_DATABASE, kinds.get("db.bin"));
        assertEquals(EvidenceKind.ESE_LOG, kinds.get("Edb00010.log"));
        assertEquals(EvidenceKind.ESE_CHECKPOINT, kinds.get("edb.chk"));
        assertEquals(EvidenceKind.UNRELATED, kinds.get("notes.txt"));
        assertEquals(EvidenceKind.UNRELATED, kinds.get("random.bin"));
        assertEquals(EvidenceKind.UNREADABLE, kinds.get("empty"));
        // links are not followed, and not passed over in silence: one record names them, and how to give their files
        Evidence links = found.get(found.size() - 1);
        assertTrue(EvidenceScanner.isNotFollowed(links), links.toString());
        assertEquals(tree + ": 2 entries are a symbolic link, FIFO or device, never followed or opened (link-file, "
                + "link-out): name their files by option (--system FILE, --cluster FILE, --store FILE ...) or copy them "
                + "into the folder", links.detail());
        assertEquals(tree, links.path());
        assertEquals(List.of("link-file"), found.stream().filter(e -> e.name().startsWith("link")).map(Evidence::name)
                .toList(), "the record is named by the first link; nothing reached through one: " + kinds);
        assertEquals(10, found.size(), kinds.toString());
        Evidence sysEv = found.stream().filter(e -> e.name().equals("hive-a.bin")).findFirst().orElseThrow();
        assertEquals(Hashing.sha256(tree.resolve("hive-a.bin")), sysEv.sha256());
        assertEquals(Files.size(tree.resolve("hive-a.bin")), sysEv.size());
        assertEquals("2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022\\00000002",
                Classifier.checkpointId(guid.resolve("00000002.CPT")));
    }

    /**
     * Past the file limit (a small one here; 100,000 in use) the walk looks at no more files, and says so: one record
     * naming the folder walked and the limit, never a silent cut.
     */
    @Test
    void theFilesPastTheLimitAreSaidNotDropped(@TempDir Path tmp) throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.writeString(tmp.resolve("f" + i + ".txt"), "not evidence\n");
        }
        List<Evidence> found = EvidenceScanner.scan(tmp, 3);
        assertEquals(4, found.size(), found.toString());
        assertEquals(3, found.stream().filter(e -> e.kind() == EvidenceKind.UNRELATED).count());
        Evidence cut = found.get(3);
        assertEquals(EvidenceKind.NOT_WALKED, cut.kind());
        assertEquals(tmp, cut.path());
        assertEquals(tmp + ": more than 3 files: only the first 3 the walk met were looked at (at most 3 files in one "
                + "walk): give its subfolders one at a time", cut.detail());
        assertEquals(List.of(cut.detail()), cut.errors());
        assertEquals(List.of(), EvidenceScanner.scan(tmp, 5).stream().filter(e -> e.kind() == EvidenceKind.NOT_WALKED)
                .toList(), "at the limit exactly, nothing is left out");
    }

    /**
     * A backup set keeps only its store files, and what the depth limit left out: a folder at level 32 (the folder
     * given is level 0) is not opened, and the record naming it is kept, as the backup's.
     */
    @Test
    void aBackupSetKeepsTheFolderTheWalkDidNotOpen(@TempDir Path tmp) throws Exception {
        Files.write(tmp.resolve("edb.chk"), new EseBuilder.Checkpoint().bytes());
        Path deep = tmp;
        for (int i = 1; i <= 32; i++) {
            deep = deep.resolve("d" + i);
        }
        Files.createDirectories(deep);
        Files.write(deep.resolve("Edb00010.log"), EseBuilder.Log.current().set("generation", 16).bytes());
        List<Evidence> found = EvidenceScanner.scanBackup(tmp);
        assertEquals(List.of(EvidenceKind.ESE_CHECKPOINT, EvidenceKind.NOT_WALKED),
                found.stream().map(Evidence::kind).toList());
        Evidence cut = found.get(1);
        assertEquals(deep, cut.path());
        assertEquals(Evidence.BACKUP_PREFIX + deep, cut.name());
        assertTrue(cut.fromBackup());
        assertEquals(EvidenceScanner.depthCut(tmp, deep, 0), cut.detail());
    }

    /**
     * A file the walk lists but cannot look at (its path over PATH_MAX: lstat fails with ENAMETOOLONG, root too) is
     * evidence that cannot be read, with the system's reason: it was dropped without a word. The folder is made short
     * and moved into place, and moved back for the clean-up.
     */
    @Test
    void aFileTheWalkCannotLookAtIsUnreadableEvidenceNotDropped(@TempDir Path tmp) throws Exception {
        String name = "Edb00010.log.bak";
        Path made = Files.createDirectories(tmp.resolve("f"));
        Files.write(made.resolve("edb.chk"), new EseBuilder.Checkpoint().bytes());
        Files.write(made.resolve(name), EseBuilder.Log.current().set("generation", 16).bytes());
        Path deep = org.patchlens.testing.LongPaths.deepFolder(tmp.resolve("deep"), 4078);
        Path folder = Files.move(made, deep.resolve("f"));
        try {
            assertEquals(4097, folder.resolve(name).toString().length()); // edb.chk's: 4088 bytes
            Map<String, Evidence> found = EvidenceScanner.scan(folder).stream()
                    .collect(Collectors.toMap(Evidence::name, e -> e));
            assertEquals(EvidenceKind.ESE_CHECKPOINT, found.get("edb.chk").kind());
            Evidence unread = found.get(name);
            assertTrue(unread != null, "listed, not dropped: " + found.keySet());
            assertEquals(EvidenceKind.UNREADABLE, unread.kind());
            assertEquals(List.of("cannot read: File name too long"), unread.errors());
            assertEquals(2, found.size());
        } finally {
            Files.move(folder, tmp.resolve("back"));
        }
    }
}
