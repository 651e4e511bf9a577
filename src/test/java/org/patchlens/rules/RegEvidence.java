package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.Key;

/**
 * Test data and look-ups for the IN and REG rule tests: where a key or value of a written hive lies (read back from
 * the file with the hive reader, so a source is checked against the bytes, not against the rule's own output),
 * runs on a scenario whose files were changed after it was written, and a SYSTEM hive with a hand-made
 * {@code Select} key.
 */
final class RegEvidence {
    /** Where {@link RestoreScenario#write} puts the node's SYSTEM hive, as the evidence names it. */
    static final String SYSTEM = "NODE1/system32/config/SYSTEM";
    static final String SOFTWARE = "NODE1/system32/config/SOFTWARE";
    static final String CLUSDB = "NODE1/Cluster/CLUSDB";
    static final String SA = "Services\\MSExchangeSA\\Parameters";
    static final String DS = "Services\\MSExchangeDS\\Parameters";
    static final String IS_SYSTEM = "Services\\MSExchangeIS\\ParametersSystem";
    static final String IS_PRIVATE = "Services\\MSExchangeIS\\ParametersPrivate";
    static final String IS_PUBLIC = "Services\\MSExchangeIS\\ParametersPublic";
    static final String MTA = "Services\\MSExchangeMTA\\Parameters";
    static final String IS_RIP = "Services\\MSExchangeIS\\Restore in Progress";

    private RegEvidence() {
    }

    /** Something done to the written files before the evidence is scanned. */
    interface FileEdit {
        void apply(Path dir) throws IOException;
    }

    /** The scenario written into {@code dir}, changed by {@code edit}, then scanned and run as {@link EngineRun#of}. */
    static EngineRun run(RestoreScenario s, Path dir, FileEdit edit) throws IOException {
        s.write(dir);
        edit.apply(dir);
        return scan(dir, s.checkOptions());
    }

    /** The rule engine over whatever files {@code dir} holds now. */
    static EngineRun scan(Path dir, CheckOptions options) throws IOException {
        CheckContext c = new CheckContext(EvidenceScanner.scan(dir), options);
        return new EngineRun(c, RuleEngine.run(c).findings());
    }

    /** The one finding {@code rule} reports. */
    static Finding only(EngineRun r, Rule rule) {
        List<Finding> f = r.of(rule);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    /**
     * "FILE : KEY : VALUE @0xOFFSET" for a value of the hive {@code file} below {@code dir}, the offset read back from
     * the file. {@code keyPath} is the path below the hive root ({@code ControlSet001\Services\...}).
     */
    static String valueSource(Path dir, String file, String keyPath, String valueName) {
        try (Hive h = Hive.open(dir.resolve(file))) {
            Key k = h.key(keyPath);
            return file + " : " + keyPath + " : " + valueName + " @0x"
                    + Long.toHexString(k.value(valueName).fileOffset()).toUpperCase();
        }
    }

    /** A value of the SYSTEM hive below the control set {@code set}. */
    static String systemValue(Path dir, int set, String keyPath, String valueName) {
        return valueSource(dir, SYSTEM, String.format("ControlSet%03d\\", set) + keyPath, valueName);
    }

    /** "FILE : KEY @0xOFFSET" for a key of the SYSTEM hive (below its root), the offset read back from the file. */
    static String systemKey(Path dir, String keyPath) {
        try (Hive h = Hive.open(dir.resolve(SYSTEM))) {
            return SYSTEM + " : " + keyPath + " @0x" + Long.toHexString(h.key(keyPath).fileOffset()).toUpperCase();
        }
    }

    /**
     * Writes the scenario's SYSTEM hive again, as {@link RestoreScenario#write} does, but with the {@code Select} key
     * filled by {@code select} instead of the scenario's Current/Default/LastKnownGood/Failed.
     */
    static void writeSystem(RestoreScenario s, Path dir, Consumer<HiveBuilder.K> select) {
        HiveBuilder sys = HiveBuilder.v13().fileName("\\SystemRoot\\System32\\Config\\SYSTEM")
                .sequence(s.systemSequence[0], s.systemSequence[1]);
        select.accept(sys.key("Select"));
        s.controlSets.forEach((n, t) -> t.writeTo(sys, String.format("ControlSet%03d", n)));
        sys.key("Setup").dword("SetupType", 0);
        sys.write(dir.resolve(SYSTEM));
    }

    /** A saved eseutil output from the ESE reader's test resources ({@code mh-55.txt}, {@code ml-55.txt}). */
    static byte[] eseutil(String name) {
        try (InputStream in = RegEvidence.class.getResourceAsStream("/org/patchlens/ese/eseutil/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} to {@code rel} below {@code dir}, creating the folders. */
    static Path put(Path dir, String rel, byte[] bytes) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }
}
