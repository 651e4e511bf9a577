package org.patchlens.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.hive.FileTime;
import org.patchlens.model.Source;
import org.patchlens.report.Report.ClusterFacts;
import org.patchlens.report.Report.ClusterRow;
import org.patchlens.report.Report.Datum;
import org.patchlens.report.Report.LogEntry;
import org.patchlens.report.Report.RegistryRow;
import org.patchlens.report.Report.Remedy;
import org.patchlens.report.Report.Restore;
import org.patchlens.report.Report.StoreField;
import org.patchlens.report.Report.StoreFile;
import org.patchlens.report.Report.StoreHeaders;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Severity;

/**
 * A hand-made report in the shape of the demo (a two-node cluster restore with a Q288562
 * checkpoint drift and a Q178311 identity problem), with hostile evidence text in it.
 */
final class SampleReport {
    static final String VERDICT = "Store will not start: 2 CRIT, 1 HIGH";
    static final Instant RUN = Instant.parse("2026-12-01T08:30:15.123456789Z");
    /** 2001-06-15T12:34:56.1234567Z exactly. */
    static final long DRIFT_TIME = FileTime.fromInstant(Instant.parse("2001-06-15T12:34:56.1234567Z"));
    static final long CPT_TIME = FileTime.fromInstant(Instant.parse("2001-06-14T09:00:00Z"));
    /** 2^53 + 1: not a double. */
    static final long BIG = (1L << 53) + 1;
    static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    static final List<String> HOSTILE = List.of(FORMULA, "+1+2", "-3", "@SUM(A1:A2)", "_x0041_ literal",
            "bell\u0007here", "lone \uD800 surrogate", "emoji \uD83D\uDE00 ok");

    private SampleReport() {
    }

    static Report build() {
        return build(List.of());
    }

    static Report build(Iterable<RegistryRow> registry) {
        Source live = new Source("node1/config/SYSTEM",
                "ControlSet001\\Services\\MSExchangeIS\\ParametersSystem : Working Directory", 0x3A2F8);
        Source cpt = new Source("MSCS/5d1e2b8a-6c1f-4b55-9f3e-0a1b2c3d4e5f/00000004.CPT",
                "ParametersSystem : Working Directory", 0x1F40);
        Source vname = new Source("node1/cluster/CLUSDB",
                "Resources\\{4C6D1E2A-0001-4B55-9F3E-0A1B2C3D4E5F}\\Parameters : Name", 0x5120);
        Source thisServer = new Source("node1/config/SYSTEM",
                "ControlSet001\\Services\\MSExchangeIS\\ParametersSystem : This Server", 0x3A400);
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.fail(Rule.CLU_08,
                "ControlSet001\\Services\\MSExchangeIS\\ParametersSystem : Working Directory",
                "D:\\exchsrvr\\mdbdata (live, written 2001-06-15T12:34:56.1234567Z)", live,
                "C:\\exchsrvr\\mdbdata (checkpoint, 2001-06-14T09:00:00Z)", cpt,
                "Take the Information Store resource offline, delete checkpoint 00000004, re-add it while the "
                    + "resource is online: `cluster res \"Microsoft Exchange Information Store\" /addcheck:"
                    + "\"System\\CurrentControlSet\\Services\\MSExchangeIS\"`"));
        findings.add(Finding.fail(Rule.PRC_02, "the _CLUSTER_NETWORK_NAME_ line", "EXVS01", vname, "NODE1",
                Source.option("--env-line"),
                "Type `SET _CLUSTER_NETWORK_NAME_=EXVS01` in the same command prompt, then `isinteg -patch`."));
        findings.add(Finding.fail(Rule.REG_05, "DB Path", "D:\\exchsrvr\\mdbdata\\priv.edb", live,
                "C:\\exchsrvr\\mdbdata\\priv.edb", cpt, "Put the database back at D:\\exchsrvr\\mdbdata."));
        findings.add(Finding.warn(Rule.IN_06, Severity.WARN, "--restore-type", "online|offline",
                Source.NONE, "auto", Source.option("--restore-type"), "Give --restore-type online."));
        findings.add(Finding.pass(Rule.REG_08, "This Server", "EXVS01", vname, "EXVS01", thisServer));
        findings.add(Finding.pass(Rule.CLU_01, "Exchange group", "a group with MSExchangeIS", Source.NONE,
                "Exchange Group", vname));
        findings.add(Finding.skipped(Rule.ESE_05, "no log files in the evidence"));
        // Evidence text that looks like formulas or OOXML escapes must stay text.
        for (int i = 0; i < HOSTILE.size(); i++) {
            findings.add(Finding.pass(Rule.IN_02, HOSTILE.get(i), HOSTILE.get(i), live, HOSTILE.get(i), live));
        }
        findings.add(Finding.pass(Rule.IN_02, "a huge value", "x".repeat(40_000), live, "short", live));

        List<Remedy> remedies = List.of(
                Remedy.of("Re-create the Information Store's registry checkpoint while the resource is online, so "
                        + "the next online does not roll back what isinteg wrote (KB Q288562).",
                        List.of("cluster res \"Microsoft Exchange Information Store\" /removecheck:"
                                + "\"System\\CurrentControlSet\\Services\\MSExchangeIS\"",
                                "cluster res \"Microsoft Exchange Information Store\" /addcheck:"
                                + "\"System\\CurrentControlSet\\Services\\MSExchangeIS\""), List.of("CLU-08")),
                Remedy.of("In the same command prompt, name the virtual server, then patch the store (KB Q178311).",
                        List.of("SET _CLUSTER_NETWORK_NAME_=EXVS01", "isinteg -patch"), List.of("PRC-02")));

        List<Evidence> evidence = List.of(
                new Evidence(Path.of("/evidence/node1/config/SYSTEM"), "node1/config/SYSTEM", 3_407_872,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", EvidenceKind.SYSTEM_HIVE,
                        "Select, ControlSet001\\Services", List.of(), false),
                new Evidence(Path.of("/evidence/node1/cluster/CLUSDB"), "node1/cluster/CLUSDB", 262_144,
                        "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", EvidenceKind.CLUSTER_HIVE,
                        "Groups, Resources, ResourceTypes", List.of(), true),
                new Evidence(Path.of("/evidence/MSCS/x/00000004.CPT"),
                        "MSCS/5d1e2b8a-6c1f-4b55-9f3e-0a1b2c3d4e5f/00000004.CPT", 8192,
                        "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13",
                        EvidenceKind.REGISTRY_CHECKPOINT, "checkpoint of a resource", List.of(), false),
                new Evidence(Path.of("/evidence/bad.edb"), "=cmd|' /C calc'!A0", 17, "00", EvidenceKind.UNREADABLE,
                        "", List.of("truncated header at offset 0x0 (17 bytes)"), false));

        List<RegistryRow> reg = new ArrayList<>();
        registry.forEach(reg::add);
        if (reg.isEmpty()) {
            reg.add(new RegistryRow("live SYSTEM", "ControlSet001\\Services\\MSExchangeIS\\ParametersSystem",
                    "Working Directory", true, "REG_SZ", "D:\\exchsrvr\\mdbdata",
                    "44003a005c00", DRIFT_TIME, live, "CLU-08", "newer than the checkpoint"));
            reg.add(new RegistryRow("checkpoint 00000004", "ParametersSystem", "Working Directory", true, "REG_SZ",
                    "C:\\exchsrvr\\mdbdata", "43003a005c00", CPT_TIME, cpt, "CLU-08", ""));
            reg.add(RegistryRow.absent("checkpoint 00000004", cpt.file(), "ParametersSystem", "", CPT_TIME, "CLU-08",
                    "default value only in the live hive"));
        }

        List<ClusterRow> cl = List.of(
                new ClusterRow("group", "node1/cluster/CLUSDB", "Exchange Group", "Exchange Group",
                        "7F2B0C4E-1111-4B55-9F3E-0A1B2C3D4E5F", "3 resources",
                        "EXVS01 Network Name, Microsoft Exchange Information Store, Disk E:", "", "", "", CPT_TIME),
                new ClusterRow("resource", "node1/cluster/CLUSDB", "Exchange Group",
                        "Microsoft Exchange Information Store", "5D1E2B8A-6C1F-4B55-9F3E-0A1B2C3D4E5F",
                        "Generic Service", "NODE1, NODE2", "ServiceName=MSExchangeIS", "", "", CPT_TIME),
                new ClusterRow("node", "node1/cluster/CLUSDB", "", "NODE1", "1", "", "", "", "", "", 0),
                new ClusterRow("checkpoint", "node1/cluster/CLUSDB", "Exchange Group",
                        "Microsoft Exchange Information Store", "5D1E2B8A-6C1F-4B55-9F3E-0A1B2C3D4E5F",
                        "Generic Service", "", "00000004", "System\\CurrentControlSet\\Services\\MSExchangeIS",
                        cpt.file(), CPT_TIME),
                new ClusterRow("checkpoint", "node1/cluster/CLUSDB", "Exchange Group",
                        "Microsoft Exchange Information Store", "5D1E2B8A-6C1F-4B55-9F3E-0A1B2C3D4E5F",
                        "Generic Service", "", "00000005", "Software\\Microsoft\\Exchange", "", CPT_TIME));

        Instant consistent = Instant.parse("2001-06-14T08:59:58Z");
        StoreHeaders store = new StoreHeaders(
                List.of(new StoreFile("priv.edb", "database"), new StoreFile("priv.pat", "patch")),
                List.of(new StoreField("Checksum", List.of(Datum.at("0x1c25084f", 0x0), Datum.at("0x5e2a0c11", 0x0))),
                        new StoreField("State", List.of(Datum.at("Dirty Shutdown (2)", 0x34), Datum.NONE)),
                        new StoreField("Log Signature", List.of(
                                Datum.at("Create time:06/14/2001 08:59:58.000 Rand:2052 Computer:", 0x6C),
                                Datum.at("Create time:06/14/2001 08:59:58.000 Rand:2052 Computer:", 0x5C))),
                        new StoreField("Last Consistent", List.of(
                                Datum.at("(0x12,8,3A)  06/14/2001 08:59:58.000 UTC", 0x38, 0x40), Datum.NONE)),
                        new StoreField("dbtime", List.of(Datum.at("9007199254740993 (0x20000000000001)", 0x10),
                                Datum.NONE)),
                        new StoreField("Previous Full Backup: Log Gen", List.of(Datum.at("5-18 (0x5-0x12)", 0x98,
                                0x9C), Datum.NONE))));
        List<LogEntry> logs = List.of(
                new LogEntry(0x12, "edb00012.log", "OK", "{7A1C5E2F-0000}", consistent, "3a 3b 08 0e 06 65 00 00", ""),
                new LogEntry(0x13, "", "GAP", "", null, "", "generations 0x13-0x14 missing"),
                new LogEntry(0x15, "edb00015.log", "FOREIGN", "{11111111-0000}", null, "", "another server's log"));

        return new Report(VERDICT, findings, remedies,
                new Restore("online", "Restore in Progress under MSExchangeIS; priv.pat present"),
                new ClusterFacts("EXVS01", "Exchange Group", List.of("NODE1", "NODE2"), "NODE1", vname),
                evidence, reg, cl, store, logs,
                new Report.Run("0.1.0-test", List.of("check", "/evidence", "-o", "report.xlsx",
                        "--env-line", "SET _CLUSTER_NETWORK_NAME_=NODE1"), RUN));
    }

    /** Writes the sample workbook to args[0] (deterministic). */
    public static void main(String[] args) throws Exception {
        ReportWorkbook.write(build(), Path.of(args[0]), options(true));
    }

    static XlsxBook.Options options(boolean deterministic) {
        return new XlsxBook.Options("0.1.0-test", "patchlens restore check", deterministic, "report.jsonl");
    }
}
