package org.patchlens.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.patchlens.ese.EseBuilder;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.hive.Hive;

/**
 * Test data for the ESE and PRC rule tests: where {@link RestoreScenario} writes the store files, edits of the
 * written files (a damaged byte, a repaired header, an extra or missing file), and the engine run over the
 * result. Expected texts are built here from the values the scenario wrote, not read back from the code under
 * test.
 */
final class StoreEvidence {
    /** The store files of the base scenarios, relative to the evidence folder. */
    static final String PRIV = "D/exchsrvr/MDBDATA/PRIV.EDB";
    static final String PUB = "E/exchsrvr/MDBDATA/PUB.EDB";
    static final String LOGS = "F/exchsrvr/MDBDATA";
    static final String PRIV_PAT = LOGS + "/PRIV.pat";
    static final String PUB_PAT = LOGS + "/PUB.pat";
    /** Where {@link RestoreScenario#checkpointGen} puts edb.chk: the IS Working Directory (D:\exchsrvr\MDBDATA). */
    static final String CHK = "D/exchsrvr/MDBDATA/edb.chk";
    static final String SYSTEM = "NODE1/system32/config/SYSTEM";
    static final String CLUSDB = "NODE1/Cluster/CLUSDB";
    /** ESE97 database header pages are 4096 bytes (page-size field 0, ese-format.md 1.2). */
    static final int PAGE = 4096;

    /** The directory's own log stream (scenario S4 of exchange-restore.md 10.7): its folder and signatures. */
    static final String DS_LOGS = LOGS + "/DS";
    static final long DS_LOG_SIGNATURE = 0x44534C47L;
    static final long DIR_SIGNATURE = 0x44495221L;
    static final String DIR = "D/exchsrvr/DSADATA/DIR.EDB";

    private StoreEvidence() {
    }

    /**
     * Adds the directory's store to a scenario, as S4 restores it: DIR.EDB (Inconsistent, Last Consistent 0x1F,
     * attached at 0x20) with its own log stream, logs 0x20-0x21 in F:\exchsrvr\MDBDATA\DS attaching it.
     */
    static RestoreScenario withDirectory(RestoreScenario s) {
        RestoreScenario.Db d = new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20, DIR_SIGNATURE);
        d.logSig = DS_LOG_SIGNATURE;
        s.databases.add(d);
        return withDirectoryLogs(s);
    }

    /** The directory's logs 0x20-0x21 (DS folder, own signature, attaching D:\exchsrvr\DSADATA\DIR.EDB) alone. */
    static RestoreScenario withDirectoryLogs(RestoreScenario s) {
        for (int g = 0x20; g <= 0x21; g++) {
            s.logs.add(new RestoreScenario.Log("DS/" + logName(g), g, DS_LOG_SIGNATURE, List.<String[]>of(
                    new String[] {"D:\\exchsrvr\\DSADATA\\DIR.EDB", Long.toString(DIR_SIGNATURE)})));
        }
        return s;
    }

    /** The offline base rolled forward ({@code --roll-forward}) over numbered logs of the stream's signature. */
    static RestoreScenario rollForward(int... gens) {
        RestoreScenario s = RestoreScenario.offlineBase().option("--roll-forward");
        for (int g : gens) {
            s.logs.add(logFile(logName(g), g, RestoreScenario.LOG_SIGNATURE));
        }
        return s;
    }

    /** A log in the log folder with its name, generation and own signature, attaching no database. */
    static RestoreScenario.Log logFile(String name, int gen, long signature) {
        return new RestoreScenario.Log(name, gen, signature, List.of());
    }

    /** The DS's Restore in Progress key of S4: LowLog 0x20, HighLog 0x21, DIR.EDB mapped to itself. */
    static RestoreScenario withDirectoryRestoreKey(RestoreScenario s) {
        String rip = "Services\\MSExchangeDS\\Restore in Progress";
        s.live().dword(rip, "LowLog Number", 0x20).dword(rip, "HighLog Number", 0x21)
                .multiSz(rip, "EDB_RstMap", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA\\DIR.EDB",
                        "\\\\EXVS01\\D$\\exchsrvr\\DSADATA\\DIR.EDB").dword(rip, "EDB_RstMap Size", 1)
                .sz(rip, "LogPath", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA")
                .sz(rip, "BackupLogPath", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA")
                .sz(rip, "CheckpointFilePath", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA")
                .binary(rip, "EDB Database recovered", (byte) 0);
        s.patches.put("DS/DIR", new int[] {0x20, 0x21, 3 * 4096});
        return s;
    }

    /** A change to the written evidence folder. */
    interface Edit {
        void apply(Path dir) throws IOException;
    }

    /** Writes the scenario, applies the edits, and runs the engine on what the folder then holds. */
    static EngineRun run(RestoreScenario s, Path dir, Edit... edits) throws IOException {
        s.write(dir);
        for (Edit e : edits) {
            e.apply(dir);
        }
        CheckContext c = new CheckContext(EvidenceScanner.scan(dir), s.checkOptions());
        return new EngineRun(c, RuleEngine.run(c).findings());
    }

    /**
     * Evidence written and scanned once, for a test class whose cases differ only in the operator's facts: each
     * run gives the facts of another scenario (its options; its files are not written) to the engine.
     */
    static final class Written {
        private final List<Evidence> evidence;

        Written(RestoreScenario s, Path dir, Edit... edits) throws IOException {
            s.write(dir);
            for (Edit e : edits) {
                e.apply(dir);
            }
            evidence = EvidenceScanner.scan(dir);
        }

        EngineRun run(RestoreScenario facts) {
            CheckContext c = new CheckContext(evidence, facts.checkOptions());
            return new EngineRun(c, RuleEngine.run(c).findings());
        }
    }

    // ------------------------------------------------------------------ edits

    static Edit delete(String rel) {
        return dir -> Files.delete(dir.resolve(rel));
    }

    static Edit write(String rel, byte[] bytes) {
        return dir -> {
            Path p = dir.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        };
    }

    /** Inverts one byte of a written file (a damaged copy). */
    static Edit damage(String rel, int offset) {
        return dir -> {
            Path p = dir.resolve(rel);
            byte[] b = Files.readAllBytes(p);
            b[offset] = (byte) ~b[offset];
            Files.write(p, b);
        };
    }

    /** Keeps the first {@code length} bytes of a written file (a partial copy). */
    static Edit truncate(String rel, int length) {
        return dir -> {
            Path p = dir.resolve(rel);
            Files.write(p, java.util.Arrays.copyOf(Files.readAllBytes(p), length));
        };
    }

    /**
     * Sets a u32 field of a database header in both copies (page 0 and its shadow in page 1) and stamps both
     * checksums again, as the engine would have written the header: 0x89ABCDEF XOR every u32 of the page after
     * the checksum (ese-format.md 3).
     */
    static Edit headerField(String rel, int offset, long value) {
        return field(rel, offset, value, 0, 1);
    }

    /** Sets a u32 field in the shadow copy alone, with a valid checksum: two good copies that differ. */
    static Edit shadowField(String rel, int offset, long value) {
        return field(rel, offset, value, 1);
    }

    private static Edit field(String rel, int offset, long value, int... pages) {
        return dir -> {
            Path p = dir.resolve(rel);
            byte[] b = Files.readAllBytes(p);
            ByteBuffer w = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            for (int page : pages) {
                w.putInt(page * PAGE + offset, (int) value);
                w.putInt(page * PAGE, EseBuilder.checksum(b, page * PAGE, PAGE));
            }
            Files.write(p, b);
        };
    }

    /** An eseutil text dump from the test resources (org/patchlens/ese/eseutil/NAME). */
    static byte[] eseutil(String name) {
        try (InputStream in = StoreEvidence.class.getResourceAsStream("/org/patchlens/ese/eseutil/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code eseutil /ml} prints for scenario logs (the labels of ese-format.md 8 and docs/ese.md): per log
     * its file name, generation, format 6.1503 (ESE97) and own signature, then the attached databases, each with
     * its signature on the line below when {@code withDbSignatures}. Every signature has the scenario's creation
     * time, 06/01/2001 09:30:00 local time.
     */
    static String mlText(List<RestoreScenario.Log> logs, boolean withDbSignatures) {
        StringBuilder sb = new StringBuilder("Initiating FILE DUMP mode...\n\n      Base name: edb\n");
        for (RestoreScenario.Log l : logs) {
            sb.append("      Log file: ").append(l.name()).append('\n');
            sb.append(String.format("      lGeneration: %d (0x%X)%n", l.gen(), l.gen()));
            sb.append("      Format LGVersion: (6.1503.0)\n");
            sb.append("      Signature: ").append(textSignature(l.sig())).append('\n');
            int dbid = 1;
            for (String[] a : l.attached()) {
                sb.append("      ").append(dbid++).append(' ').append(a[0]).append('\n');
                if (withDbSignatures) {
                    sb.append("          Signature: ").append(textSignature(Long.parseLong(a[1]))).append('\n');
                }
            }
            sb.append('\n');
        }
        return sb.append("Operation completed successfully in 0.62 seconds.\n").toString();
    }

    /** Where the ESE rules' texts sit: an eseutil /ml run saved in the log folder. */
    static final String ML_TEXT = LOGS + "/eseutil-ml.txt";

    /**
     * What {@code eseutil /ml edb} (range mode, SOURCE logdump.cxx) prints when it finds archived log {@code gen}
     * damaged: its path on line 5, eseutil's ERROR under it.
     */
    static byte[] mlRangeDamaged(int gen) {
        return ("Initiating FILE DUMP mode...\nVerifying log files...\n     Base name: edb\n\n"
                + "      Log file: F:\\exchsrvr\\MDBDATA\\" + logName(gen) + "\n"
                + "                ERROR: Log damaged (unusable). Last Lgpos: (0x" + Integer.toHexString(gen)
                + ",3F1,1A). Error -501.\n\n"
                + "Operation terminated with error -501 (JET_errLogFileCorrupt, Log file is corrupt) after 0.47 seconds.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@link #mlRangeDamaged} with edb.log listed OK after the damaged log (line 7): eseutil verified edb.log against
     * no sound log before it, so the listing gives no generation for it.
     */
    static byte[] mlRangeDamagedThenEdbLogOk(int gen) {
        String damaged = new String(mlRangeDamaged(gen), java.nio.charset.StandardCharsets.UTF_8);
        return damaged.replace("\n\nOperation", "\n      Log file: F:\\exchsrvr\\MDBDATA\\edb.log - OK\n\nOperation")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * What {@code eseutil /ml FILE} prints for a log whose header it cannot read (SOURCE logdump.cxx): the base
     * name, the file on line 4, the ERROR under it, the trailer; no header.
     */
    static byte[] mlUnreadable(String file) {
        return ("Initiating FILE DUMP mode...\n\n      Base name: edb\n      Log file: " + file + "\n"
                + "                ERROR: Cannot read log file header. Error -501.\n\n"
                + "Operation terminated with error -501 (JET_errLogFileCorrupt, Log file is corrupt) after 0.03 seconds.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Two {@code eseutil /ml} runs saved in one text: log {@code unread}, whose header eseutil could not read (its
     * name on line 4, the ERROR under it, no lGeneration line), then log {@code dumped}, its header printed in the
     * labels of {@link #mlText} with the scenario's signature {@code signature}.
     */
    static byte[] mlUnreadThenDumped(String unread, String dumped, int gen, long signature) {
        return ("Initiating FILE DUMP mode...\n\n      Base name: edb\n      Log file: " + unread + "\n"
                + "                ERROR: Cannot read log file header. Error -501.\n\n"
                + "      Log file: " + dumped + "\n" + String.format("      lGeneration: %d (0x%X)%n", gen, gen)
                + "      Format LGVersion: (6.1503.0)\n      Signature: " + textSignature(signature) + "\n\n"
                + "Operation terminated with error -501 (JET_errLogFileCorrupt, Log file is corrupt) after 0.62 seconds.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@code eseutil /ml} of one log whose header it printed (line 4 names it) and then found damaged: the ERROR on
     * line 8.
     */
    static byte[] mlDumpedThenDamaged(String name, int gen, long signature) {
        return ("Initiating FILE DUMP mode...\n\n      Base name: edb\n      Log file: " + name + "\n"
                + String.format("      lGeneration: %d (0x%X)%n", gen, gen) + "      Format LGVersion: (6.1503.0)\n"
                + "      Signature: " + textSignature(signature) + "\n"
                + "      ERROR: Log damaged (unusable). Last Lgpos: (0x" + Integer.toHexString(gen) + ",8,0). Error -501.\n\n"
                + "Operation terminated with error -501 (JET_errLogFileCorrupt, Log file is corrupt) after 0.62 seconds.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String textSignature(long random) {
        return "Create time:06/01/2001 09:30:00 Rand:" + random + " Computer:";
    }

    /** ESE97 binary logs (format 6.1503) of the scenario's log generations: checksum, generation, version only. */
    static Edit[] ese97Logs(RestoreScenario s) {
        return s.logs.stream().map(l -> write(LOGS + "/" + l.name(), EseBuilder.Log.ese97(l.gen(), 0).bytes()))
                .toArray(Edit[]::new);
    }

    /**
     * Exchange 2000 binary logs (format 7.3704.4, no file type at 667) of the scenario's logs, each with its signature
     * and attached databases.
     */
    static Edit[] ese98Logs(RestoreScenario s) {
        return s.logs.stream().map(l -> write(LOGS + "/" + l.name(), RestoreScenario.logBytes(l, EseBuilder.Log.ese98())))
                .toArray(Edit[]::new);
    }

    /** The scenario's logs as binary logs of an engine that writes no file type: "ESE97" or "ESE98". */
    static Edit[] oldLogs(String engine, RestoreScenario s) {
        return switch (engine) {
            case "ESE97" -> ese97Logs(s);
            case "ESE98" -> ese98Logs(s);
            default -> throw new IllegalArgumentException(engine);
        };
    }

    /** The edits, then one more. */
    static Edit[] concat(Edit[] a, Edit b) {
        Edit[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    // ------------------------------------------------------------------ expected texts

    /**
     * A scenario signature as findings show it: the random part in hex, the creation time RestoreScenario gives
     * every signature (2001-06-01 09:30:00.000 local time) with its 8 raw bytes, no computer name.
     */
    static String shown(long random) {
        String raw = HexFormat.of().formatHex(EseBuilder.time(2001, 6, 1, 9, 30, 0, 0, false));
        return String.format("random=0x%08X created=2001-06-01 09:30:00.000 raw=%s computer=\"\"", random, raw);
    }

    /** A source as findings print it: {@code file : field @0xOFFSET}. */
    static String source(String file, String field, long offset) {
        return file + " : " + field + String.format(" @0x%X", offset);
    }

    /**
     * Where the rules read the virtual server name: the Exchange group's Network Name {@code Parameters : Name}
     * in the CLUSDB written below {@code dir}, with the value's file offset.
     */
    static String virtualServerSource(Path dir) {
        String key = "Resources\\" + RestoreScenario.NETNAME + "\\Parameters";
        try (Hive h = Hive.open(dir.resolve(CLUSDB))) {
            return source(CLUSDB, key + " : Name", h.key(key).value("Name").fileOffset());
        }
    }

    /** The archived name of a log generation, EdbXXXXX.log with five hex digits (KB Q296787). */
    static String logName(int gen) {
        return String.format("Edb%05x.log", gen);
    }

    /** The file of an archived log in the log folder. */
    static String log(int gen) {
        return LOGS + "/" + logName(gen);
    }

    /** The stored checksum of a header page of a written file (u32 at the page's start). */
    static long storedChecksum(Path dir, String rel, int pageOffset) throws IOException {
        byte[] b = Files.readAllBytes(dir.resolve(rel));
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(pageOffset) & 0xFFFFFFFFL;
    }

    /**
     * What the rules say of a written binary log whose header checksum does not verify: its stored checksum and the
     * one its 4096 header bytes give by the XOR rule, read from the file as it is now.
     */
    static String logChecksumDamage(Path dir, String rel) throws IOException {
        long stored = storedChecksum(dir, rel, 0);
        long computed = computedChecksum(dir, rel, 0, PAGE);
        if (stored == computed) {
            throw new IllegalStateException(rel + ": its header checksum verifies");
        }
        return String.format("header checksum at offset 0 stored 0x%08X, computed 0x%08X: JET_errLogFileCorrupt -501",
                stored, computed);
    }

    /** The checksum a header page of a written file should carry, by the XOR rule. */
    static long computedChecksum(Path dir, String rel, int pageOffset, int length) throws IOException {
        byte[] b = Files.readAllBytes(dir.resolve(rel));
        return EseBuilder.checksum(b, pageOffset, length) & 0xFFFFFFFFL;
    }
}
