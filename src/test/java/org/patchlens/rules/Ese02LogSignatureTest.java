package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.LOG_SIGNATURE;
import static org.patchlens.rules.RestoreScenario.PRIV_SIGNATURE;
import static org.patchlens.rules.RestoreScenario.PUB_SIGNATURE;
import static org.patchlens.rules.StoreEvidence.DS_LOGS;
import static org.patchlens.rules.StoreEvidence.LOGS;
import static org.patchlens.rules.StoreEvidence.PRIV;
import static org.patchlens.rules.StoreEvidence.PUB;
import static org.patchlens.rules.StoreEvidence.log;
import static org.patchlens.rules.StoreEvidence.shown;
import static org.patchlens.rules.StoreEvidence.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESE-02: a database's Log Signature must equal the own signature of its log stream's logs, and the logs must
 * know the database under its current DB Signature; otherwise replay stops (KB Q296787). The log compared is
 * the one of the database's Last Attach generation, or in an offline roll-forward the anchor log (the lowest
 * Last Consistent generation). The online base has logs 0x10-0x12 with the stream's signature, attaching PRIV
 * and PUB under their signatures; the databases' Last Attach is generation 0x10.
 */
class Ese02LogSignatureTest {
    private static final long OTHER_STREAM = 0x0BADL;

    @TempDir
    Path dir;

    private List<Finding> ese02(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        return StoreEvidence.run(s, dir, edits).of(Rule.ESE_02);
    }

    private static List<Finding> about(List<Finding> findings, String object) {
        return findings.stream().filter(f -> f.object().equals(object)).toList();
    }

    private static Finding one(List<Finding> findings, String object) {
        List<Finding> f = about(findings, object);
        assertEquals(1, f.size(), object + " in " + findings);
        return f.get(0);
    }

    @Test
    void passesDatabasesThatBelongToTheLogStream() throws Exception {
        List<Finding> f = ese02(RestoreScenario.onlineBase());
        assertEquals(2, f.size(), f.toString());
        Finding priv = one(f, PRIV + " : Log Signature");
        assertEquals(Status.PASS, priv.status());
        assertEquals(shown(LOG_SIGNATURE), priv.expected());
        assertEquals(source(PRIV, "Log Signature", 108), priv.expectedSource().toString());
        assertEquals(shown(LOG_SIGNATURE), priv.actual());
        assertEquals(source(log(0x10), "Signature (generation 16)", 44), priv.actualSource().toString());
        assertEquals("", priv.remedy());
        assertEquals(Status.PASS, one(f, PUB + " : Log Signature").status());
    }

    @Test
    void failsADatabaseOfAnotherLogStream() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.databases.get(0).logSig = OTHER_STREAM;
        List<Finding> f = ese02(s);
        Finding priv = one(f, PRIV + " : Log Signature");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(Severity.HIGH, priv.severity());
        assertEquals(shown(OTHER_STREAM), priv.expected());
        assertEquals(source(PRIV, "Log Signature", 108), priv.expectedSource().toString());
        assertEquals(shown(LOG_SIGNATURE), priv.actual());
        assertEquals(source(log(0x10), "Signature (generation 16)", 44), priv.actualSource().toString());
        assertEquals(Rule.ESE_02.remedy().replace("<db>", "PRIV.EDB"), priv.remedy());
        assertEquals(Status.PASS, one(f, PUB + " : Log Signature").status());
    }

    @Test
    void comparesTheLogOfTheDatabasesLastAttach() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.databases.get(0).attachGen = 0x12;
        Finding priv = one(ese02(s), PRIV + " : Log Signature");
        assertEquals(source(log(0x12), "Signature (generation 18)", 44), priv.actualSource().toString());
    }

    @Test
    void comparesTheFirstLogWhenNoLogHasTheLastAttachGeneration() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.databases.get(0).attachGen = 0x30;
        Finding priv = one(ese02(s), PRIV + " : Log Signature");
        assertEquals(Status.PASS, priv.status());
        assertEquals(source(log(0x10), "Signature (generation 16)", 44), priv.actualSource().toString());
    }

    @Test
    void comparesTheAnchorLogInAnOfflineRollForward() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().option("--roll-forward");
        for (RestoreScenario.Db d : s.databases) {
            d.attachGen = 0x12; // attached later than the anchor, the Last Consistent generation 0x10
        }
        s.logs.addAll(RestoreScenario.onlineBase().logs);
        Finding priv = one(ese02(s), PRIV + " : Log Signature");
        assertEquals(source(log(0x10), "Signature (generation 16)", 44), priv.actualSource().toString());
    }

    @Test
    void failsADatabaseTheLogsKnowUnderAnotherDbSignature() throws Exception {
        // the logs were written before PRIV.EDB was repaired (eseutil /p gives it a new DB Signature, KB Q296787)
        long before = 0x0DEFL;
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.replaceAll(l -> new RestoreScenario.Log(l.name(), l.gen(), l.sig(), List.of(
                new String[] {"D:\\exchsrvr\\MDBDATA\\PRIV.EDB", Long.toString(before)},
                new String[] {"E:\\exchsrvr\\MDBDATA\\PUB.EDB", Long.toString(PUB_SIGNATURE)})));
        List<Finding> f = ese02(s);
        List<Finding> db = about(f, PRIV + " : DB Signature");
        assertEquals(3, db.size(), "one per log that attaches PRIV.EDB: " + f);
        for (int i = 0; i < 3; i++) {
            Finding x = db.get(i);
            assertEquals(Status.FAIL, x.status());
            assertEquals(shown(PRIV_SIGNATURE), x.expected());
            assertEquals(source(PRIV, "DB Signature", 24), x.expectedSource().toString());
            assertEquals(shown(before), x.actual());
            // the first attachment entry of a log header starts at 671 (ese-format.md, LGFILEHDR)
            assertEquals(source(log(0x10 + i), "attached database D:\\exchsrvr\\MDBDATA\\PRIV.EDB", 671),
                    x.actualSource().toString());
            assertEquals("The logs know another incarnation of PRIV.EDB (repaired or defragmented since): replay "
                    + "would stop. Use logs from after that change (KB Q296787).", x.remedy());
        }
        assertEquals(Status.PASS, one(f, PRIV + " : Log Signature").status());
        assertEquals(List.of(), about(f, PUB + " : DB Signature"));
    }

    @Test
    void isSkippedWithoutLogs() throws Exception {
        List<Finding> f = ese02(RestoreScenario.offlineBase());
        assertEquals(1, f.size(), f.toString());
        assertEquals(Status.SKIPPED, f.get(0).status());
        assertEquals("no log headers among the evidence", f.get(0).detail());
    }

    @Test
    void isSkippedWithoutDatabases() throws Exception {
        List<Finding> f = ese02(RestoreScenario.onlineBase(), StoreEvidence.delete(PRIV), StoreEvidence.delete(PUB));
        assertEquals(1, f.size(), f.toString());
        assertEquals(Status.SKIPPED, f.get(0).status());
        assertEquals("no database header", f.get(0).detail());
    }

    @Test
    void isSkippedForEse97BinaryLogsThatRecordNoSignature() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        List<Finding> f = ese02(s, StoreEvidence.ese97Logs(s));
        assertEquals(1, f.size(), f.toString());
        assertEquals(Status.SKIPPED, f.get(0).status());
        assertEquals("the log headers record no signature (ESE97 binary logs); supply eseutil /ml output of the logs",
                f.get(0).detail());
    }

    @Test
    void readsTheSignaturesFromEseutilMlOutputBesideEse97Logs() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        String ml = LOGS + "/eseutil-ml.txt";
        StoreEvidence.Edit[] ese97 = StoreEvidence.ese97Logs(s);
        StoreEvidence.Edit text = StoreEvidence.write(ml, StoreEvidence.mlText(s.logs, true)
                .getBytes(StandardCharsets.US_ASCII));
        List<Finding> f = ese02(s, ese97[0], ese97[1], ese97[2], text);
        assertEquals(2, f.size(), f.toString());
        Finding priv = one(f, PRIV + " : Log Signature");
        assertEquals(Status.PASS, priv.status());
        assertEquals(shown(LOG_SIGNATURE), priv.actual());
        assertEquals(ml + " : Signature (generation 16)", priv.actualSource().toString(),
                "a text dump has no byte offsets");
    }

    /**
     * Computer names in the signatures: the databases' Log Signature field holds 16 bytes of name and no NUL, as
     * eseutil /ml prints the logs' (a 16-byte text name was cut to 15, so the same signature was said to differ),
     * or the text prints more than the field can hold: kept as printed and shown, compared by its first 16 bytes.
     */
    @Test
    void comparesComputerNamesLongerThanANetbiosNameByTheBytesTheFieldHolds() throws Exception {
        String field = "CLUSTERNODE-0001";
        for (String printed : List.of(field, field + "-EXTRA")) {
            RestoreScenario s = RestoreScenario.onlineBase();
            String ml = LOGS + "/eseutil-ml.txt";
            StoreEvidence.Edit[] ese97 = StoreEvidence.ese97Logs(s);
            StoreEvidence.Edit text = StoreEvidence.write(ml, StoreEvidence.mlText(s.logs, true)
                    .replace("Rand:" + LOG_SIGNATURE + " Computer:", "Rand:" + LOG_SIGNATURE + " Computer:" + printed)
                    .getBytes(StandardCharsets.US_ASCII));
            List<StoreEvidence.Edit> edits = new java.util.ArrayList<>(List.of(ese97));
            edits.add(text);
            java.nio.ByteBuffer name = java.nio.ByteBuffer.wrap(field.getBytes(StandardCharsets.US_ASCII))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (String db : List.of(PRIV, PUB)) {
                for (int i = 0; i < 16; i += 4) {
                    edits.add(StoreEvidence.headerField(db, 108 + 12 + i, name.getInt(i) & 0xFFFFFFFFL));
                }
            }
            List<Finding> f = ese02(s, edits.toArray(StoreEvidence.Edit[]::new));
            assertEquals(2, f.size(), f.toString());
            Finding priv = one(f, PRIV + " : Log Signature");
            assertEquals(Status.PASS, priv.status(), printed);
            assertEquals(shown(LOG_SIGNATURE).replace("computer=\"\"", "computer=\"" + field + "\""), priv.expected());
            assertEquals(shown(LOG_SIGNATURE).replace("computer=\"\"", "computer=\"" + printed + "\""), priv.actual());
            assertEquals(Status.PASS, one(f, PUB + " : Log Signature").status(), printed);
        }
    }

    @Test
    void doesNotFailAttachmentsWhoseDbSignatureTheOutputDoesNotShow() throws Exception {
        // eseutil /ml as in ml-55.txt: "1 C:\...\PRIV.EDB" without the database's signature
        RestoreScenario s = RestoreScenario.onlineBase();
        StoreEvidence.Edit[] ese97 = StoreEvidence.ese97Logs(s);
        StoreEvidence.Edit text = StoreEvidence.write(LOGS + "/eseutil-ml.txt", StoreEvidence.mlText(s.logs, false)
                .getBytes(StandardCharsets.US_ASCII));
        List<Finding> f = ese02(s, ese97[0], ese97[1], ese97[2], text);
        assertEquals(List.of(Status.PASS, Status.PASS), f.stream().map(Finding::status).toList(), f.toString());
    }

    @Test
    void judgesEachLogStreamAgainstItsOwnDatabases() throws Exception {
        List<Finding> f = ese02(StoreEvidence.withDirectory(RestoreScenario.onlineBase()));
        assertEquals(3, f.size(), f.toString());
        Finding dirEdb = one(f, StoreEvidence.DIR + " : Log Signature");
        assertEquals(Status.PASS, dirEdb.status());
        assertEquals(shown(StoreEvidence.DS_LOG_SIGNATURE), dirEdb.actual());
        assertEquals(source(DS_LOGS + "/" + StoreEvidence.logName(0x20), "Signature (generation 32)", 44),
                dirEdb.actualSource().toString());
        assertEquals(source(log(0x10), "Signature (generation 16)", 44),
                one(f, PRIV + " : Log Signature").actualSource().toString());
    }

    @Test
    void doesNotJudgeTheDirectoryAgainstTheStoresLogs() throws Exception {
        // the store restored online; dir.edb copied along (IN-01 asks for its header), its own logs not
        RestoreScenario s = RestoreScenario.onlineBase();
        RestoreScenario.Db d = new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 3, 0x05, 0x05,
                StoreEvidence.DIR_SIGNATURE);
        d.logSig = StoreEvidence.DS_LOG_SIGNATURE;
        s.databases.add(d);
        List<Finding> f = ese02(s);
        assertEquals(List.of(PRIV + " : Log Signature", PUB + " : Log Signature"),
                f.stream().map(Finding::object).toList(), "the logs attach PRIV and PUB, not DIR.EDB: " + f);
    }

    @Test
    void isSkippedForALogStreamWithoutItsDatabase() throws Exception {
        List<Finding> f = ese02(StoreEvidence.withDirectoryLogs(RestoreScenario.onlineBase()));
        assertEquals(3, f.size(), f.toString());
        Finding ds = f.stream().filter(x -> x.status() == Status.SKIPPED).findFirst().orElseThrow();
        assertEquals("no database header for the logs in " + DS_LOGS, ds.detail());
        assertEquals(Status.PASS, one(f, PRIV + " : Log Signature").status());
        assertEquals(Status.PASS, one(f, PUB + " : Log Signature").status());
    }
}
