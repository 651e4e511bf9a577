package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;

/**
 * The scenarios of issue 15 before the restore (P1 to P7): the target's registry evidence in one folder, the backup
 * set's store files in another given as --backup, the stage decided by auto. Each asserts the verdict, the exact
 * FAIL set, the blockers and the steps, through the whole check pipeline (JSONL for the findings, the text summary
 * for the verdict and the steps).
 */
class PreRestoreScenarioTest {
    @TempDir
    Path dir;

    /** One run as JSONL and as text. */
    private record Run(int exit, List<JsonNode> findings, String text) {
        TreeSet<String> failing() {
            TreeSet<String> t = new TreeSet<>();
            findings.stream().filter(f -> f.get("status").asText().equals("FAIL")).forEach(f -> t.add(f.get("rule")
                    .asText()));
            return t;
        }

        /** Blockers: FAIL at CRIT or HIGH, "RULE object". */
        List<String> blockers() {
            return findings.stream().filter(f -> f.get("status").asText().equals("FAIL")
                    && (f.get("severity").asText().equals("CRIT") || f.get("severity").asText().equals("HIGH")))
                    .map(f -> f.get("rule").asText() + " " + f.get("object").asText()).toList();
        }

        List<JsonNode> of(String rule) {
            return findings.stream().filter(f -> f.get("rule").asText().equals(rule)).toList();
        }

        String verdict() {
            return text.lines().findFirst().orElse("");
        }

        /** The lines of the runbook's section (steps, their commands, why and rules), stripped. */
        List<String> steps() {
            return runbook().stream().map(String::strip).toList();
        }

        /** The phase tag of each runbook step, in order ("blocker", "prepare", ...). */
        List<String> tags() {
            return runbook().stream().filter(l -> l.matches("  ?\\d+\\. \\[[a-z ]+\\] .*"))
                    .map(l -> l.substring(l.indexOf('[') + 1, l.indexOf(']'))).toList();
        }

        /** The runbook's commands to type: its lines indented six spaces. */
        List<String> commands() {
            return runbook().stream().filter(l -> l.startsWith("      ") && !l.startsWith("       "))
                    .map(String::strip).toList();
        }

        private List<String> runbook() {
            List<String> out = new ArrayList<>();
            boolean in = false;
            for (String l : text.lines().toList()) {
                if (l.startsWith("Runbook (")) {
                    in = true;
                } else if (in && l.isBlank()) {
                    break;
                } else if (in) {
                    out.add(l);
                }
            }
            return out;
        }

        String dump() {
            StringBuilder sb = new StringBuilder(text).append('\n');
            findings.stream().filter(f -> !f.get("status").asText().equals("PASS")).forEach(f -> sb.append(f)
                    .append('\n'));
            return sb.toString();
        }
    }

    private Run run(RestoreScenario s) throws Exception {
        Path evidence = dir.resolve("target");
        Path backup = dir.resolve("backup");
        s.writeBeforeRestore(evidence, backup);
        List<String> args = new ArrayList<>(List.of("check", evidence.toString(), "--backup", backup.toString()));
        args.addAll(s.options);
        StringWriter out = new StringWriter();
        List<String> jsonl = new ArrayList<>(args);
        jsonl.addAll(List.of("--format", "jsonl"));
        int code = Main.run(jsonl.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> f = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                f.add(m.readTree(line));
            }
        }
        StringWriter text = new StringWriter();
        int textCode = Main.run(args.toArray(String[]::new), new PrintWriter(text), new PrintWriter(new StringWriter()));
        assertEquals(code, textCode, "one exit code whatever the format");
        return new Run(code, f, text.toString());
    }

    /** The offline base before the restore: isinteg has not run, the databases are the backup's. */
    private static RestoreScenario offlineBefore() {
        return RestoreScenario.offlineBase().unset("--isinteg-runs");
    }

    /** The online base before the restore: the backup program has not written its Restore in Progress key yet. */
    private static RestoreScenario onlineBefore() {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--isinteg-runs");
        s.live().removeKey("Services\\MSExchangeIS\\Restore in Progress");
        return s;
    }

    /** The commands of the plain offline plan on the base cluster (exchange-restore.md 1.4 and 7). */
    private static final List<String> OFFLINE_COMMANDS = List.of(
            "cluster res \"Microsoft Exchange Information Store\" /offline",
            "copy PRIV.EDB D:\\exchsrvr\\MDBDATA\\PRIV.EDB", "copy PUB.EDB E:\\exchsrvr\\MDBDATA\\PUB.EDB",
            "net start MSExchangeIS",
            "SET _CLUSTER_NETWORK_NAME_=EXVS01", "cd /d D:\\exchsrvr\\bin", "isinteg -patch",
            "net start MSExchangeIS",
            "cluster res \"Microsoft Exchange Information Store\" /online");
    private static final List<String> OFFLINE_TAGS = List.of("prepare", "restore", "first start", "patch", "start",
            "online", "verify");

    private static List<String> blockersThen(int n, List<String> tags) {
        List<String> out = new ArrayList<>(java.util.Collections.nCopies(n, "blocker"));
        out.addAll(tags);
        return out;
    }

    private static TreeSet<String> set(String... ids) {
        return new TreeSet<>(List.of(ids));
    }

    private static void noForbiddenStep(Run r) {
        assertFalse(r.commands().isEmpty(), r.text);
        for (String l : r.commands()) {
            assertFalse(l.contains("isinteg") || l.contains("eseutil /r"), "no isinteg or eseutil /r before the "
                    + "first start after an online restore (KB Q231299): " + l);
        }
    }

    @Test
    void theStageIsDecidedFromTheEvidenceAndShownInTheHeader() throws Exception {
        Run r = run(offlineBefore());
        assertTrue(r.text.lines().anyMatch(l -> l.equals("Stage: before-restore (auto: the databases DB Path names "
                + "(PRIV.EDB, PUB.EDB, DIR.EDB) are absent from the target's files; the backup set (--backup) holds "
                + "PRIV.EDB, PUB.EDB)")), r.text);
    }

    @Test
    void p1OldIsintegOnACheckpointedStoreIsNotReady() throws Exception {
        Run r = run(offlineBefore().set("--isinteg-version", "5.5.2650.21"));
        assertEquals("Not ready to restore: PRC-04 isinteg version", r.verdict(), r.dump());
        assertEquals(set("PRC-04"), r.failing(), r.dump());
        assertEquals(List.of("PRC-04 isinteg version"), r.blockers(), r.dump());
        JsonNode prc04 = r.of("PRC-04").get(0);
        assertTrue(prc04.get("detail").asText().startsWith("prediction: will fail at the [online] step (bring the Exchange "
                + "resources online in Cluster Administrator"), prc04.toString());
        assertTrue(prc04.get("detail").asText().contains("1087/1011 (KB Q185942, Q288562)"), prc04.toString());
        // the start from the service controller after the patch is a step, naming the checkpoints that need it
        JsonNode prc05 = r.of("PRC-05").get(0);
        assertEquals("WARN", prc05.get("status").asText(), r.dump());
        assertTrue(prc05.get("detail").asText().contains("SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\"
                + "ParametersPrivate (RegSync 00000002 of Microsoft Exchange Information Store), SYSTEM\\"
                + "CurrentControlSet\\Services\\MSExchangeIS\\ParametersPublic (RegSync 00000003"), prc05.toString());
        assertEquals(1, r.exit);
        // the blocker is listed first
        assertTrue(r.steps().get(0).startsWith("1. [blocker] Do not restore yet: isinteg version: found 5.5.2650.21"),
                r.steps().toString());
        assertEquals("why: Install Exchange 5.5 SP4 on both nodes (KB Q271634 for cluster hotfix steps), then the "
                + "Isinteg.exe 5.5.2654.62 (or later) fix (KB Q288562), then run isinteg -patch once.", r.steps().get(1));
    }

    @Test
    void p2ANewIsintegWithoutASetLineIsReadyWithTheSetStep() throws Exception {
        Run r = run(offlineBefore().unset("--env-line"));
        assertEquals(set(), r.failing(), r.dump());
        assertEquals(List.of(), r.blockers(), r.dump());
        assertEquals("Ready to restore, with 7 steps", r.verdict(), r.dump());
        assertTrue(r.commands().contains("SET _CLUSTER_NETWORK_NAME_=EXVS01"), r.commands().toString());
        JsonNode prc02 = r.of("PRC-02").get(0);
        assertEquals("WARN", prc02.get("status").asText());
        assertTrue(prc02.get("expectedSource").asText().contains("CLUSDB"), prc02.toString());
        assertTrue(prc02.get("detail").asText().startsWith("prediction: will fail at the [patch] step (isinteg -patch"),
                prc02.toString());
        assertTrue(prc02.get("detail").asText().endsWith("Reason: JET_errKeyDuplicate\" (KB Q178311)"),
                prc02.toString());
        assertEquals(0, r.exit);
    }

    @Test
    void p3AnOnlineRestoreWithTheDirectoryCheckpointedAtItsRootIsReadyWithTheServiceStart() throws Exception {
        RestoreScenario s = onlineBefore();
        s.cluster.removeKey("Resources\\" + RestoreScenario.DS + "\\RegSync");
        s.cluster.sz("Resources\\" + RestoreScenario.DS + "\\RegSync", "00000001",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS");
        s.takeCheckpoints();
        RestoreScenario.Db dirDb = new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20,
                0x44495221L);
        s.databases.add(dirDb);
        s.patches.put("DS/DIR", new int[] {0x20, 0x21, 3 * 4096});
        Run r = run(s);
        assertEquals(set(), r.failing(), r.dump());
        assertEquals(List.of(), r.blockers(), r.dump());
        assertEquals("Ready to restore, with 5 steps", r.verdict(), r.dump());
        assertTrue(r.commands().containsAll(List.of("net start MSExchangeDS", "net start MSExchangeIS")),
                r.commands().toString());
        assertTrue(r.steps().stream().anyMatch(l -> l.contains("ClusSvc event 1024") && l.contains("can be ignored")),
                r.steps().toString());
        JsonNode clu09 = r.of("CLU-09").get(0);
        assertEquals("WARN", clu09.get("status").asText(), r.dump());
        assertEquals("SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS", clu09.get("object").asText());
        assertTrue(clu09.get("detail").asText().contains("DS 1002 error -528 and ClusSvc 1042"), clu09.toString());
        noForbiddenStep(r);
        assertEquals(0, r.exit);
    }

    @Test
    void p4ABackupSetWithAGapAndAForeignLogIsNotReady() throws Exception {
        RestoreScenario s = onlineBefore();
        s.logs.clear();
        for (int g : new int[] {0x10, 0x11, 0x13, 0x14}) {
            s.logs.add(new RestoreScenario.Log(String.format("Edb%05x.log", g), g, RestoreScenario.LOG_SIGNATURE,
                    List.of()));
        }
        s.logs.add(new RestoreScenario.Log("Edb00009.log", 9, 0x0BADL, List.of()));
        s.patches.put("PRIV", new int[] {0x10, 0x14, 3 * 4096});
        s.patches.put("PUB", new int[] {0x10, 0x14, 3 * 4096});
        Run r = run(s);
        assertEquals(set("ESE-03", "ESE-05"), r.failing(), r.dump());
        assertTrue(r.verdict().startsWith("Not ready to restore: ESE-03 "), r.verdict());
        JsonNode gap = r.of("ESE-05").get(0);
        assertTrue(gap.get("actual").asText().startsWith("missing Edb00012.log"), gap.toString());
        assertTrue(gap.get("detail").asText().contains("error 3355443765"), gap.toString());
        JsonNode foreign = r.of("ESE-03").get(0);
        assertTrue(foreign.get("object").asText().startsWith("(backup) "), "named as the backup's: " + foreign);
        assertTrue(foreign.get("object").asText().endsWith("Edb00009.log"), foreign.toString());
        assertTrue(foreign.get("actual").asText().startsWith("random=0x00000BAD "), foreign.toString());
        assertEquals(blockersThen(2, List.of("prepare", "restore", "online", "verify")), r.tags(), r.text);
        assertEquals("1. [blocker] Do not restore yet: (backup) " + dir.resolve("backup/F/exchsrvr/MDBDATA/Edb00009.log")
                + ": found random=0x00000BAD created=2001-06-01 09:30:00.000 raw=001e090106650000 computer=\"\", "
                + "expected random=0x4C4F4721 created=2001-06-01 09:30:00.000 raw=001e090106650000 computer=\"\".",
                r.steps().get(0));
        assertTrue(r.steps().contains("2. [blocker] Do not restore yet: log sequence: found missing Edb00012.log; "
                + "replay stops after generation 17, expected contiguous from 16 to 20."), r.text);
        assertEquals(List.of("cluster res \"Microsoft Exchange Information Store\" /offline",
                "cluster res \"Microsoft Exchange Information Store\" /online"), r.commands());
        noForbiddenStep(r);
        assertEquals(1, r.exit);
    }

    @Test
    void p5AnInconsistentOfflineBackupIsNotACleanOfflineCopy() throws Exception {
        RestoreScenario s = offlineBefore();
        s.databases.get(0).state = 2;
        Run r = run(s);
        assertEquals(set("ESE-01"), r.failing(), r.dump());
        JsonNode f = r.of("ESE-01").stream().filter(x -> x.get("status").asText().equals("FAIL")).findFirst()
                .orElseThrow();
        assertTrue(f.get("object").asText().startsWith("(backup) "), f.toString());
        assertTrue(f.get("actual").asText().endsWith(": not a clean offline copy"), f.toString());
        assertTrue(f.get("remedy").asText().contains("Ask for an offline copy taken after the Exchange services "
                + "were stopped cleanly"), f.toString());
        assertEquals("Not ready to restore: ESE-01 " + f.get("object").asText(), r.verdict());
        assertEquals(blockersThen(1, OFFLINE_TAGS), r.tags(), r.text);
        assertEquals("1. [blocker] Do not restore yet: (backup) " + dir.resolve("backup/D/exchsrvr/MDBDATA/PRIV.EDB")
                + ": found Dirty Shutdown (2), Last Consistent (0x10,20,10): not a clean offline copy, expected "
                + "Consistent: a clean offline copy.", r.steps().get(0));
        assertEquals(OFFLINE_COMMANDS, r.commands());
        assertEquals(1, r.exit);
    }

    @Test
    void p6AnOrganizationThatDiffersInCaseIsNotReady() throws Exception {
        RestoreScenario s = offlineBefore();
        s.live().sz("Services\\MSExchangeSA\\Parameters", "Enterprise", "contoso").sz(
                "Services\\MSExchangeMTA\\Parameters", "X500 DN",
                "/o=contoso/ou=HQ/cn=Configuration/cn=Servers/cn=EXVS01/cn=Microsoft MTA");
        s.takeCheckpoints();
        Run r = run(s);
        assertEquals(set("REG-07"), r.failing(), r.dump());
        assertEquals(List.of("REG-07 Enterprise (SA) vs --expect-org"), r.blockers(), r.dump());
        JsonNode f = r.of("REG-07").stream().filter(x -> x.get("status").asText().equals("FAIL")).findFirst()
                .orElseThrow();
        assertTrue(f.get("remedy").asText().contains("Reinstall with the exact (case-sensitive) names before "
                + "restoring (KB Q238063, Q155509)"), f.toString());
        assertTrue(f.get("detail").asText().contains("1088, error 1276"), f.toString());
        assertEquals("Not ready to restore: REG-07 Enterprise (SA) vs --expect-org", r.verdict());
        assertEquals(blockersThen(1, OFFLINE_TAGS), r.tags(), r.text);
        assertEquals("1. [blocker] Do not restore yet: Enterprise (SA) vs --expect-org: found contoso, expected "
                + "Contoso.", r.steps().get(0));
        assertEquals(OFFLINE_COMMANDS, r.commands());
    }

    @Test
    void p7EverythingRightIsReady() throws Exception {
        Run r = run(offlineBefore().option("--start-via", "services"));
        assertEquals(set(), r.failing(), r.dump());
        assertEquals(List.of(), r.blockers(), r.dump());
        assertEquals("Ready to restore, with 7 steps", r.verdict(), r.dump());
        assertEquals(OFFLINE_TAGS, r.tags(), r.text);
        assertEquals(OFFLINE_COMMANDS, r.commands());
        assertEquals(0, r.exit);
    }
}
