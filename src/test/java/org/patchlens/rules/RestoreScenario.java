package org.patchlens.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlens.ese.EseBuilder;
import org.patchlens.hive.HiveBuilder;

/**
 * A whole Exchange 5.5 restore on a two-node cluster, as files, built from the base fixture of
 * exchange-restore.md 10.7: nodes NODE1 (id 1, whose SYSTEM hive is the evidence) and NODE2,
 * the Exchange group "EXVS01 Group" (IP 10.0.0.50, Network Name EXVS01, a disk, SA/DS/IS/MTA
 * Generic Services with the documented dependencies and RegSync lists), one .CPT per RegSync
 * entry equal to the live subtree, and the SYSTEM values of the fixture. Scenarios edit the
 * live tree, the checkpoint trees, the cluster or the operator options, then {@link #write}.
 */
final class RestoreScenario {
    static final Instant BASE_TIME = Instant.parse("2001-06-15T12:00:00Z");

    static final String GROUP = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0001";
    static final String IP = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0010";
    static final String NETNAME = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0011";
    static final String DISK = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0012";
    static final String SA = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0020";
    static final String DS = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0021";
    static final String IS = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022";
    static final String MTA = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0023";

    /** The live SYSTEM keys below the control set, per control set number. */
    final Map<Integer, RegTree> controlSets = new LinkedHashMap<>();
    int current = 1;
    int defaultSet = 1;
    int lastKnownGood = 1;
    int failed = 0;
    /** The cluster database, as a tree below the hive root. */
    final RegTree cluster = new RegTree();
    /** Checkpoint contents by "GUID\NNNNNNNN". */
    final Map<String, RegTree> checkpoints = new LinkedHashMap<>();
    final RegTree software = new RegTree();
    final List<String> options = new ArrayList<>();

    /** A database file: where it lies, its state and signatures (random parts; the times are fixed). */
    static final class Db {
        String folder;
        String name;
        int state;
        int consistentGen;
        int attachGen;
        long dbSig;
        long logSig = LOG_SIGNATURE;

        Db(String folder, String name, int state, int consistentGen, int attachGen, long dbSig) {
            this.folder = folder;
            this.name = name;
            this.state = state;
            this.consistentGen = consistentGen;
            this.attachGen = attachGen;
            this.dbSig = dbSig;
        }

        String path() {
            return folder.charAt(0) + ":\\" + folder.substring(2).replace('/', '\\') + "\\" + name;
        }
    }

    /** A log file: name (edb.log or EdbXXXXX.log), generation, signature and the databases it attaches. */
    record Log(String name, int gen, long sig, List<String[]> attached) {
    }

    static final long LOG_SIGNATURE = 0x4C4F4721L;
    static final long PRIV_SIGNATURE = 0x50524956L;
    static final long PUB_SIGNATURE = 0x50554221L;
    final List<Db> databases = new ArrayList<>();
    final List<Log> logs = new ArrayList<>();
    /** Patch files: path below the log folder without .pat (PRIV, DS/DIR) to {low, high, size}. */
    final Map<String, int[]> patches = new LinkedHashMap<>();
    /** edb.chk checkpoint generation, or -1 for none. */
    int checkpointGen = -1;
    /** Base block sequence numbers of the SYSTEM hive (different = dirty). */
    long[] systemSequence = {1, 1};
    /** No cluster: no CLUSDB and no checkpoint files are written. */
    boolean standalone;
    /** The log folder (F:\exchsrvr\MDBDATA). */
    String logFolder = "F/exchsrvr/MDBDATA";

    /** The offline base: consistent store (store files come with the ESE evidence), isinteg run once. */
    static RestoreScenario offlineBase() {
        RestoreScenario s = new RestoreScenario();
        s.databases.add(new Db("D/exchsrvr/MDBDATA", "PRIV.EDB", 3, 0x10, 0x10, PRIV_SIGNATURE));
        s.databases.add(new Db("E/exchsrvr/MDBDATA", "PUB.EDB", 3, 0x10, 0x10, PUB_SIGNATURE));
        s.options.addAll(List.of("--restore-type", "offline", "--env-line", "SET _CLUSTER_NETWORK_NAME_=EXVS01",
                "--isinteg-runs", "1", "--expect-org", "Contoso", "--expect-site", "HQ", "--expect-server", "EXVS01",
                "--isinteg-version", "5.5.2654.62"));
        return s;
    }

    /** A stand-alone server SRV01 (no cluster), offline restore of a consistent store. */
    static RestoreScenario standaloneOffline() {
        RestoreScenario s = offlineBase();
        s.standalone = true;
        RegTree t = exchangeSet("SRV01");
        t.removeKey("Services\\ClusSvc");
        t.sz("Services\\MSExchangeSA\\Parameters", "Server", "SRV01")
                .sz("Services\\MSExchangeIS\\ParametersSystem", "This Server", "SRV01")
                .sz("Services\\MSExchangeMTA\\Parameters", "X500 DN",
                        "/o=Contoso/ou=HQ/cn=Configuration/cn=Servers/cn=SRV01/cn=Microsoft MTA");
        for (String svc : List.of("MSExchangeSA", "MSExchangeDS", "MSExchangeIS", "MSExchangeMTA")) {
            t.dword("Services\\" + svc, "Start", 2);
        }
        s.controlSets.put(1, t);
        s.options.clear();
        s.options.addAll(List.of("--restore-type", "offline", "--isinteg-runs", "1", "--expect-org", "Contoso",
                "--expect-site", "HQ", "--expect-server", "SRV01", "--isinteg-version", "5.5.2654.62"));
        return s;
    }

    /**
     * Scenario S4 of exchange-restore.md 10.7: an online restore of the directory too, whose Restore in Progress
     * key lies inside the DS resource's checkpoint of its whole service root (a documented mistake, KB Q290651),
     * the checkpoint taken before the restore; DIR.EDB with its two logs and dir.pat.
     */
    static RestoreScenario s4() {
        RestoreScenario s = StoreEvidence.withDirectoryRestoreKey(onlineBase());
        s.cluster.removeKey("Resources\\" + DS + "\\RegSync");
        s.cluster.sz("Resources\\" + DS + "\\RegSync", "00000001", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS");
        s.takeCheckpoints();
        s.checkpoint(DS, "00000001").removeKey("Restore in Progress");
        Db dir = new Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20, 0x44495221L);
        dir.logSig = 0x44534C47L;
        s.databases.add(dir);
        for (int g = 0x20; g <= 0x21; g++) {
            s.logs.add(new Log("DS/" + String.format("Edb%05x.log", g), g, 0x44534C47L,
                    List.<String[]>of(new String[] {"D:\\exchsrvr\\DSADATA\\DIR.EDB", Long.toString(0x44495221L)})));
        }
        return s;
    }

    /** The online base: a Restore in Progress key under MSExchangeIS, isinteg not run. */
    static RestoreScenario onlineBase() {
        RestoreScenario s = new RestoreScenario();
        String rip = "Services\\MSExchangeIS\\Restore in Progress";
        s.live().dword(rip, "LowLog Number", 0x10).dword(rip, "HighLog Number", 0x12)
                .multiSz(rip, "EDB_RstMap", "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB",
                        "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB", "\\\\EXVS01\\E$\\exchsrvr\\MDBDATA\\PUB.EDB",
                        "\\\\EXVS01\\E$\\exchsrvr\\MDBDATA\\PUB.EDB")
                .dword(rip, "EDB_RstMap Size", 2)
                .sz(rip, "LogPath", "\\\\EXVS01\\F$\\exchsrvr\\MDBDATA")
                .sz(rip, "BackupLogPath", "\\\\EXVS01\\F$\\exchsrvr\\MDBDATA")
                .sz(rip, "CheckpointFilePath", "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA")
                .binary(rip, "EDB Database recovered", (byte) 0);
        s.databases.add(new Db("D/exchsrvr/MDBDATA", "PRIV.EDB", 2, 0x0F, 0x10, PRIV_SIGNATURE));
        s.databases.add(new Db("E/exchsrvr/MDBDATA", "PUB.EDB", 2, 0x0F, 0x10, PUB_SIGNATURE));
        for (int g = 0x10; g <= 0x12; g++) {
            s.logs.add(new Log(String.format("Edb%05x.log", g), g, LOG_SIGNATURE, List.of(
                    new String[] {"D:\\exchsrvr\\MDBDATA\\PRIV.EDB", Long.toString(PRIV_SIGNATURE)},
                    new String[] {"E:\\exchsrvr\\MDBDATA\\PUB.EDB", Long.toString(PUB_SIGNATURE)})));
        }
        s.patches.put("PRIV", new int[] {0x10, 0x12, 3 * 4096});
        s.patches.put("PUB", new int[] {0x10, 0x12, 3 * 4096});
        s.options.addAll(List.of("--restore-type", "online", "--isinteg-runs", "0", "--expect-org", "Contoso",
                "--expect-site", "HQ", "--expect-server", "EXVS01", "--isinteg-version", "5.5.2654.62"));
        return s;
    }

    private RestoreScenario() {
        controlSets.put(1, exchangeSet("NODE1"));
        buildCluster();
        software.dword("Microsoft\\Exchange\\Setup", "NewestBuild", 2653);
        software.key("Classes");
        takeCheckpoints();
    }

    /** The current control set's live tree. */
    RegTree live() {
        return controlSets.get(current);
    }

    static RegTree exchangeSet(String node) {
        RegTree t = new RegTree();
        t.sz("Control\\ComputerName\\ComputerName", "ComputerName", node);
        t.sz("Control\\Session Manager\\Environment", "Path", "%SystemRoot%\\system32;%SystemRoot%");
        t.sz("Control\\Session Manager\\Environment", "TEMP", "%SystemRoot%\\TEMP");
        t.dword("Services\\ClusSvc", "Start", 2);
        for (String svc : List.of("MSExchangeSA", "MSExchangeDS", "MSExchangeIS", "MSExchangeMTA")) {
            t.dword("Services\\" + svc, "Start", 3);
            t.dword("Services\\" + svc + "\\Diagnostics", "1 General", 0);
        }
        String sa = "Services\\MSExchangeSA\\Parameters";
        t.sz(sa, "Enterprise", "Contoso").sz(sa, "Site", "HQ").sz(sa, "Server", "EXVS01");
        String is = "Services\\MSExchangeIS\\ParametersSystem";
        t.sz(is, "DB Log Path", "F:\\exchsrvr\\MDBDATA").sz(is, "Working Directory", "D:\\exchsrvr\\MDBDATA")
                .dword(is, "Circular Logging", 0).dword(is, "DB Recovery", 1).sz(is, "This Server", "EXVS01")
                .sz(is, "DSA Computer", "EXVS01").sz(is, "MTA Computer", "EXVS01");
        t.sz("Services\\MSExchangeIS\\ParametersPrivate", "DB Path", "D:\\exchsrvr\\MDBDATA\\PRIV.EDB")
                .binary("Services\\MSExchangeIS\\ParametersPrivate", "Store GUID", guid(0x11));
        t.sz("Services\\MSExchangeIS\\ParametersPublic", "DB Path", "E:\\exchsrvr\\MDBDATA\\PUB.EDB")
                .binary("Services\\MSExchangeIS\\ParametersPublic", "Store GUID", guid(0x22));
        String ds = "Services\\MSExchangeDS\\Parameters";
        t.sz(ds, "DSA Database file", "D:\\exchsrvr\\DSADATA\\DIR.EDB")
                .sz(ds, "Database log files path", "D:\\exchsrvr\\DSADATA")
                .sz(ds, "DSA Working Directory", "D:\\exchsrvr\\DSADATA").dword(ds, "Circular Logging", 0)
                .sz(ds, "Database logging/recovery", "ON");
        t.sz("Services\\MSExchangeMTA\\Parameters", "X500 DN",
                "/o=Contoso/ou=HQ/cn=Configuration/cn=Servers/cn=EXVS01/cn=Microsoft MTA");
        return t;
    }

    /** 16 bytes of a test GUID. */
    static byte[] guid(int seed) {
        byte[] g = new byte[16];
        for (int i = 0; i < 16; i++) {
            g[i] = (byte) (seed * 31 + i * 7);
        }
        return g;
    }

    private void buildCluster() {
        cluster.sz("Groups\\" + GROUP, "Name", "EXVS01 Group")
                .multiSz("Groups\\" + GROUP, "Contains", IP, NETNAME, DISK, SA, DS, IS, MTA)
                .dword("Groups\\" + GROUP, "PersistentState", 1);
        resource(IP, "EXVS01 IP Address", "IP Address").sz("Resources\\" + IP + "\\Parameters", "Address", "10.0.0.50")
                .sz("Resources\\" + IP + "\\Parameters", "SubnetMask", "255.255.255.0")
                .sz("Resources\\" + IP + "\\Parameters", "Network", "Public");
        resource(NETNAME, "EXVS01 Network Name", "Network Name", IP)
                .sz("Resources\\" + NETNAME + "\\Parameters", "Name", "EXVS01");
        resource(DISK, "Disk D: E: F:", "Physical Disk").dword("Resources\\" + DISK + "\\Parameters", "Signature",
                0x1A2B3C4D);
        service(SA, "Microsoft Exchange System Attendant", "MSExchangeSA", List.of(NETNAME, DISK),
                "Parameters", "Diagnostics");
        service(DS, "Microsoft Exchange Directory", "MSExchangeDS", List.of(SA), "Parameters", "Diagnostics");
        service(IS, "Microsoft Exchange Information Store", "MSExchangeIS", List.of(SA), "ParametersSystem",
                "ParametersPrivate", "ParametersPublic", "Diagnostics");
        service(MTA, "Microsoft Exchange Message Transfer Agent", "MSExchangeMTA", List.of(SA), "Parameters",
                "Diagnostics");
        for (String type : List.of("Generic Service", "IP Address", "Network Name", "Physical Disk")) {
            cluster.sz("ResourceTypes\\" + type, "Name", type);
        }
        cluster.sz("Nodes\\1", "NodeName", "NODE1").sz("Nodes\\2", "NodeName", "NODE2");
        cluster.dword("Quorum", "CheckpointInterval", 4);
    }

    private RegTree resource(String guid, String name, String type, String... dependsOn) {
        String k = "Resources\\" + guid;
        cluster.sz(k, "Name", name).sz(k, "Type", type).multiSz(k, "PossibleOwners", "1", "2")
                .dword(k, "PersistentState", 1);
        if (dependsOn.length > 0) {
            cluster.multiSz(k, "DependsOn", dependsOn);
        }
        return cluster;
    }

    private void service(String guid, String name, String service, List<String> deps, String... checkpointed) {
        resource(guid, name, "Generic Service", deps.toArray(String[]::new));
        cluster.sz("Resources\\" + guid + "\\Parameters", "ServiceName", service);
        for (int i = 0; i < checkpointed.length; i++) {
            cluster.sz("Resources\\" + guid + "\\RegSync", String.format("%08d", i + 1),
                    "SYSTEM\\CurrentControlSet\\Services\\" + service + "\\" + checkpointed[i]);
        }
    }

    /** Every RegSync entry of the cluster tree: "GUID\NNNNNNNN" to the HKLM path. */
    Map<String, String> regSync() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String guid : List.of(SA, DS, IS, MTA)) {
            String k = "Resources\\" + guid + "\\RegSync";
            if (cluster.has(k)) {
                cluster.key(k).values.values().forEach(v -> out.put(guid + "\\" + v.name(),
                        new String(v.data(), java.nio.charset.StandardCharsets.UTF_16LE).replace("\0", "")));
            }
        }
        return out;
    }

    /** Takes every checkpoint again from the live tree (as the cluster does when a resource goes offline). */
    RestoreScenario takeCheckpoints() {
        checkpoints.clear();
        regSync().forEach((id, path) -> {
            String rel = path.substring("SYSTEM\\CurrentControlSet\\".length());
            checkpoints.put(id, live().has(rel) ? live().subtree(rel) : new RegTree());
        });
        return this;
    }

    /** The checkpoint tree of one resource's RegSync entry. */
    RegTree checkpoint(String guid, String valueName) {
        return checkpoints.get(guid + "\\" + valueName);
    }

    RestoreScenario option(String... args) {
        options.addAll(List.of(args));
        return this;
    }

    /** Replaces an option's value (or adds it). */
    RestoreScenario set(String option, String value) {
        int i = options.indexOf(option);
        if (i >= 0) {
            options.set(i + 1, value);
        } else {
            options.add(option);
            options.add(value);
        }
        return this;
    }

    /** Removes an option and its value. */
    RestoreScenario unset(String option) {
        int i = options.indexOf(option);
        if (i >= 0) {
            options.subList(i, i + 2).clear();
        }
        return this;
    }

    /** The operator facts of {@link #options} as the engine takes them, for tests that run the rules without the CLI. */
    CheckOptions checkOptions() {
        CheckOptions.RestoreType restoreType = CheckOptions.RestoreType.AUTO;
        boolean rollForward = false;
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            switch (o) {
                case "--roll-forward" -> rollForward = true;
                case "--restore-type" -> restoreType = CheckOptions.RestoreType.valueOf(
                        options.get(++i).toUpperCase(java.util.Locale.ROOT));
                case "--expect-org", "--expect-site", "--expect-server", "--env-line", "--isinteg-version",
                        "--exchange-sp", "--start-via", "--isinteg-runs", "--stage" -> given.put(o, options.get(++i));
                default -> throw new IllegalArgumentException("not an operator fact: " + o);
            }
        }
        String startVia = given.get("--start-via");
        return new CheckOptions(restoreType, rollForward, given.get("--expect-org"), given.get("--expect-site"),
                given.get("--expect-server"), given.get("--env-line"), given.get("--isinteg-version"),
                given.get("--exchange-sp"), startVia == null ? null
                : CheckOptions.StartVia.valueOf(startVia.toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                Integer.parseInt(given.getOrDefault("--isinteg-runs", "-1")),
                given.containsKey("--stage") ? Stage.of(given.get("--stage")) : null);
    }

    // ------------------------------------------------------------------ files

    /** Log {@code l} in the layout of {@code log}: its generation, signature and attached databases. */
    static byte[] logBytes(Log l, EseBuilder.Log log) {
        log.set("generation", l.gen()).set("logSignature", signature(l.sig()));
        int dbid = 1;
        for (String[] a : l.attached()) {
            log.attach(dbid++, a[0], signature(Long.parseLong(a[1])), EseBuilder.lgpos(0x10, 0x18, 8),
                    EseBuilder.lgpos(0x0F, 0x20, 0x10));
        }
        return log.bytes();
    }

    static byte[] signature(long random) {
        return EseBuilder.sig(random, EseBuilder.time(2001, 6, 1, 9, 30, 0, 0, false), "");
    }

    private void writeStore(Path dir) throws IOException {
        byte[] backupMark = EseBuilder.lgpos(0x10, 8, 16);
        for (Db d : databases) {
            Path folder = Files.createDirectories(dir.resolve(d.folder));
            EseBuilder.Database db = EseBuilder.Database.ese97().set("state", d.state)
                    .set("consistentPosition", EseBuilder.lgpos(d.consistentGen, 0x20, 0x10))
                    .set("attachPosition", EseBuilder.lgpos(d.attachGen, 0x18, 0x8))
                    .set("dbSignature", signature(d.dbSig)).set("logSignature", signature(d.logSig))
                    .set("dbid", 1);
            if (!patches.isEmpty()) {
                db.set("fullCurrent.mark", backupMark);
            }
            Files.write(folder.resolve(d.name), db.bytes());
        }
        Path logs = dir.resolve(logFolder);
        for (Log l : this.logs) {
            // Current-layout log headers: ESE97 binary logs record no signature or attach list, which the
            // store rules need; real 5.5 tickets give those through eseutil /ml output instead.
            Path target = logs.resolve(l.name());
            Files.createDirectories(target.getParent());
            Files.write(target, logBytes(l, EseBuilder.Log.current()));
        }
        for (Map.Entry<String, int[]> p : patches.entrySet()) {
            String base = p.getKey().substring(p.getKey().lastIndexOf('/') + 1);
            Db d = databases.stream().filter(x -> x.name.equalsIgnoreCase(base + ".EDB")).findFirst().orElseThrow();
            byte[] head = new EseBuilder.Patch(4096).set("dbSignature", signature(d.dbSig))
                    .set("logSignature", signature(d.logSig)).set("backup.mark", backupMark)
                    .set("backup.low", p.getValue()[0]).set("backup.high", p.getValue()[1]).bytes();
            Path target = logs.resolve(p.getKey() + ".pat");
            Files.createDirectories(target.getParent());
            Files.write(target, java.util.Arrays.copyOf(head, Math.max(head.length, p.getValue()[2])));
        }
        if (checkpointGen >= 0) {
            Path work = Files.createDirectories(dir.resolve("D/exchsrvr/MDBDATA"));
            Files.write(work.resolve("edb.chk"), new EseBuilder.Checkpoint().set("checkpoint",
                    EseBuilder.lgpos(checkpointGen, 1, 2)).set("logSignature", signature(LOG_SIGNATURE)).bytes());
        }
    }

    /**
     * Before the restore: the target's registry evidence (SYSTEM, SOFTWARE, CLUSDB, checkpoints) in {@code dir},
     * the store files (databases, logs, patch files, edb.chk) in {@code backup}, the backup set given as --backup.
     */
    void writeBeforeRestore(Path dir, Path backup) {
        writeRegistry(dir);
        try {
            writeStore(backup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The evidence tree: NODE1\config\SYSTEM and SOFTWARE, NODE1\Cluster\CLUSDB, Q\MSCS\GUID\NNNNNNNN.CPT. */
    Path write(Path dir) {
        writeRegistry(dir);
        try {
            writeStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The hives of {@link #write}, without the store files. */
    private void writeRegistry(Path dir) {
        try {
            Path config = Files.createDirectories(dir.resolve("NODE1").resolve("system32").resolve("config"));
            HiveBuilder sys = HiveBuilder.v13().fileName("\\SystemRoot\\System32\\Config\\SYSTEM")
                    .sequence(systemSequence[0], systemSequence[1]);
            sys.key("Select").dword("Current", current).dword("Default", defaultSet)
                    .dword("LastKnownGood", lastKnownGood).dword("Failed", failed);
            controlSets.forEach((n, t) -> t.writeTo(sys, String.format("ControlSet%03d", n)));
            sys.key("Setup").dword("SetupType", 0);
            sys.write(config.resolve("SYSTEM"));
            HiveBuilder sw = HiveBuilder.v13().fileName("\\SystemRoot\\System32\\Config\\SOFTWARE");
            software.writeTo(sw, "");
            sw.write(config.resolve("SOFTWARE"));
            if (standalone) {
                return;
            }
            Path clus = Files.createDirectories(dir.resolve("NODE1").resolve("Cluster"));
            HiveBuilder cb = HiveBuilder.v13().rootName("Cluster").fileName("\\SystemRoot\\Cluster\\CLUSDB");
            cluster.writeTo(cb, "");
            cb.write(clus.resolve("CLUSDB"));
            for (Map.Entry<String, RegTree> e : checkpoints.entrySet()) {
                String[] id = e.getKey().split("\\\\");
                Path folder = Files.createDirectories(dir.resolve("Q").resolve("MSCS").resolve(id[0]));
                String path = regSync().get(e.getKey());
                String leaf = path.substring(path.lastIndexOf('\\') + 1);
                HiveBuilder cpt = HiveBuilder.v13().rootName(leaf).fileName(id[1] + ".CPT");
                e.getValue().writeTo(cpt, "");
                cpt.write(folder.resolve(id[1] + ".CPT"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
