package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.patchlens.ese.AttachedDatabase;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.LogHeader;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.Key;

/**
 * Evidence and expectations shared by the RIP and CLU rule tests: the names of the files {@link RestoreScenario}
 * writes, the Restore in Progress keys, a run of the engine after the written files were changed (a hive
 * removed, a checkpoint file emptied, another cluster hive copy added), and the sources ({@code file : key :
 * value @0xOFFSET}) read back from the written hives, so a test states where a value must have come from.
 */
final class RipCluEvidence {
    static final String SYSTEM = "NODE1/system32/config/SYSTEM";
    static final String CLUSDB = "NODE1/Cluster/CLUSDB";
    /** The live IS and DS Restore in Progress keys below the control set. */
    static final String IS_RIP = "Services\\MSExchangeIS\\Restore in Progress";
    static final String DS_RIP = "Services\\MSExchangeDS\\Restore in Progress";
    /** The IS key as the rules name it (control set 1). */
    static final String IS_RIP_PATH = "ControlSet001\\" + IS_RIP;
    static final String DS_RIP_PATH = "ControlSet001\\" + DS_RIP;
    /** The DS log stream and database of {@link #onlineWithDirectory}. */
    static final long DIR_SIGNATURE = 0x44495221L;
    static final long DS_LOG_SIGNATURE = 0x44534C47L;

    private RipCluEvidence() {
    }

    /** A change to the written evidence folder before it is scanned. */
    interface FileEdit {
        void apply(Path dir) throws IOException;
    }

    /** The engine run on the scenario written to {@code dir}, after {@code edit} changed the files. */
    static EngineRun run(RestoreScenario s, Path dir, FileEdit edit) throws IOException {
        s.write(dir);
        edit.apply(dir);
        CheckContext c = new CheckContext(EvidenceScanner.scan(dir), s.checkOptions());
        return new EngineRun(c, RuleEngine.run(c).findings());
    }

    /** The findings of one rule. */
    static List<Finding> findings(RestoreScenario s, Path dir, Rule rule) throws IOException {
        return EngineRun.of(s, dir).of(rule);
    }

    /** The one finding of a rule (asserting there is exactly one). */
    static Finding only(List<Finding> f) {
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    static Finding only(RestoreScenario s, Path dir, Rule rule) throws IOException {
        return only(findings(s, dir, rule));
    }

    /** The finding whose object is {@code object} (asserting there is exactly one). */
    static Finding withObject(List<Finding> f, String object) {
        return only(f.stream().filter(x -> x.object().equals(object)).toList());
    }

    /**
     * The online base with the directory restored too: a DS Restore in Progress key (LowLog 0x20, HighLog 0x21,
     * DIR.EDB mapped onto itself), DIR.EDB, its patch file and its own log stream in a folder of its own
     * (F/exchsrvr/MDBDATA/DS), as exchange-restore.md 10.7 S4 without the root checkpoint.
     */
    static RestoreScenario onlineWithDirectory() {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(DS_RIP, "LowLog Number", 0x20).dword(DS_RIP, "HighLog Number", 0x21)
                .multiSz(DS_RIP, "EDB_RstMap", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA\\DIR.EDB",
                        "\\\\EXVS01\\D$\\exchsrvr\\DSADATA\\DIR.EDB").dword(DS_RIP, "EDB_RstMap Size", 1)
                .sz(DS_RIP, "LogPath", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA")
                .sz(DS_RIP, "BackupLogPath", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA")
                .sz(DS_RIP, "CheckpointFilePath", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA")
                .binary(DS_RIP, "EDB Database recovered", (byte) 0);
        RestoreScenario.Db dir = new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20, DIR_SIGNATURE);
        dir.logSig = DS_LOG_SIGNATURE;
        s.databases.add(dir);
        for (int g = 0x20; g <= 0x21; g++) {
            s.logs.add(new RestoreScenario.Log("DS/" + String.format("Edb%05x.log", g), g, DS_LOG_SIGNATURE,
                    List.<String[]>of(new String[] {"D:\\exchsrvr\\DSADATA\\DIR.EDB", Long.toString(DIR_SIGNATURE)})));
        }
        s.patches.put("DS/DIR", new int[] {0x20, 0x21, 3 * 4096});
        s.takeCheckpoints();
        return s;
    }

    /** The attach list entries of PRIV.EDB and PUB.EDB at their registered paths (as in the online base). */
    static List<String[]> attachedAt(String privPath, String pubPath) {
        return List.of(new String[] {privPath, Long.toString(RestoreScenario.PRIV_SIGNATURE)},
                new String[] {pubPath, Long.toString(RestoreScenario.PUB_SIGNATURE)});
    }

    // ------------------------------------------------------------------ sources read back from the files

    /** {@code file : keyPath : value @0xOFFSET} of a value in a written hive. */
    static String valueSource(Path dir, String file, String keyPath, String value) {
        return file + " : " + keyPath + " : " + value + " @0x" + hex(valueOffset(dir, file, keyPath, value));
    }

    /** {@code file : keyPath @0xOFFSET} of a key in a written hive. */
    static String keySource(Path dir, String file, String keyPath) {
        return file + " : " + keyPath + " @0x" + hex(keyOffset(dir, file, keyPath));
    }

    /** The file offset of a key's cell in a written hive. */
    static long keyOffset(Path dir, String file, String keyPath) {
        try (Hive h = Hive.open(dir.resolve(file))) {
            return key(h, keyPath).fileOffset();
        }
    }

    /** The file offset of a value's cell in a written hive. */
    static long valueOffset(Path dir, String file, String keyPath, String value) {
        try (Hive h = Hive.open(dir.resolve(file))) {
            return key(h, keyPath).value(value).fileOffset();
        }
    }

    /** A key by its path below the root ("" for the root: a checkpoint hive's root is the checkpointed key). */
    private static Key key(Hive h, String keyPath) {
        return keyPath.isEmpty() ? h.root() : h.key(keyPath);
    }

    /** Where {@link RestoreScenario} writes the checkpoint of a resource's RegSync entry. */
    static String cptFile(String resourceGuid, String valueName) {
        return "Q/MSCS/" + resourceGuid + "/" + valueName + ".CPT";
    }

    /** Where a written log records a database in its attach list: {@code log : attached database path @0x..}. */
    static String attachSource(Path dir, String log, String dbFileName) throws IOException {
        LogHeader h = (LogHeader) EseFile.openAll(dir.resolve(log)).get(0);
        AttachedDatabase a = h.attachments().stream().filter(x -> x.path().toUpperCase(Locale.ROOT)
                .endsWith("\\" + dbFileName.toUpperCase(Locale.ROOT))).findFirst().orElseThrow();
        return log + " : attached database path @0x" + hex(a.fileOffset());
    }

    /** Writes {@code tree} as another cluster hive copy at {@code relPath}, its root key written at {@code t}. */
    static void writeClusterCopy(Path dir, RegTree tree, Instant t, String relPath) throws IOException {
        HiveBuilder cb = HiveBuilder.v13().rootName("Cluster").lastWritten(t);
        tree.writeTo(cb, "");
        cb.root().lastWritten(t);
        Path target = dir.resolve(relPath);
        Files.createDirectories(target.getParent());
        cb.write(target);
    }

    static String hex(long offset) {
        return Long.toHexString(offset).toUpperCase(Locale.ROOT);
    }
}
