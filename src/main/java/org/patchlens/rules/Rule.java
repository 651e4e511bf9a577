package org.patchlens.rules;

import java.util.List;

/**
 * The rule catalog, defined once: IDs, titles, severities, confidence, KB references and remedy
 * texts from ../shared/docs/exchange-restore.md section 10 (with the refinements in docs/rules.md).
 * {@code patchlens rules}, docs/rules.md and every finding are produced from this one list.
 * Remedy texts keep the catalog's placeholders (&lt;VNAME&gt;, &lt;db&gt;, ...); a finding carries the
 * remedy with the placeholders filled in from the evidence.
 */
public enum Rule {
    IN_01("IN-01", "Required evidence present", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of(),
            "Copy `%SystemRoot%\\system32\\config\\SYSTEM` (and `SYSTEM.LOG`, `SYSTEM.ALT`) from the "
                + "node that owned the Exchange group, and the headers of priv.edb/pub.edb/dir.edb, "
                + "edb*.log, *.pat, edb.chk (or `eseutil /mh`, `/ml`, `/mk` output)."),
    IN_02("IN-02", "Files readable, hashed and identified by content", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of(),
            "Re-copy <file> with a byte-exact copy; the content is a <kind>, not a <named kind>."),
    IN_03("IN-03", "Hive not dirty", Severity.WARN, Confidence.CONFIRMED, "",
            List.of(),
            "Supply `<hive>.LOG` from the same folder, or copy the hive after a clean shutdown of the "
                + "node."),
    IN_04("IN-04", "Control set resolved", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q102984"),
            "The SYSTEM hive has no usable control set; copy the hive again (or `SYSTEM.ALT`)."),
    IN_05("IN-05", "Exchange keys agree across control sets", Severity.WARN, Confidence.INFERRED, "",
            List.of("Q102984"),
            "The running configuration is ControlSet00N (Select\\Current). ControlSet00M holds "
                + "different Exchange values: <list>. Do not boot Last Known Good; fix values in the current "
                + "set only."),
    IN_06("IN-06", "Operator facts given and well-formed", Severity.WARN, Confidence.CONFIRMED, "",
            List.of(),
            "Give `--restore-type online|offline` (plus `--roll-forward` when later logs are to be "
                + "replayed) and, on a cluster, `--env-line \"<exact line you typed>\"`."),
    IN_07("IN-07", "Cluster evidence complete", Severity.WARN, Confidence.INFERRED, "",
            List.of("Q217147", "Q278464"),
            "Copy `%SystemRoot%\\Cluster\\CLUSDB` from both nodes and the whole `<quorum>:\\MSCS` folder "
                + "(chk*.tmp, quolog.log, every GUID folder)."),
    REG_01("REG-01", "Exchange service keys present", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q257252", "Q238063"),
            "Exchange is not installed in the current control set, or the hive is from the wrong "
                + "node. Reinstall Exchange with the original org/site names against the virtual server (KB "
                + "Q238063) before restoring."),
    REG_02("REG-02", "IS database paths well-formed and match the evidence", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q183266", "Q296787"),
            "Copy priv.edb to <DB Path> (and pub.edb to <DB Path>) — restore to the registered paths "
                + "(KB Q183266)."),
    REG_03("REG-03", "IS log and working paths consistent", Severity.WARN, Confidence.CONFIRMED, "",
            List.of("Q183266", "Q200941", "Q269014"),
            "Registry says logs in <DB Log Path>; the restore wrote <LogPath>. Put the logs and .pat "
                + "files in <DB Log Path> or re-run the restore with the right paths (KB Q200941)."),
    REG_04("REG-04", "DS paths present", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q263548"),
            "Re-create `DSA Database file` = <path>\\DIR.EDB under MSExchangeDS\\Parameters (KB "
                + "Q263548)."),
    REG_05("REG-05", "Registered DB paths equal the paths recorded in the logs", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q296787", "Q190440"),
            "Logs expect <log path>; registry has <DB Path>. Put the database back at <log path> (set "
                + "the path back with Performance Optimizer on a cluster, KB Q222912/Q278464) before "
                + "starting, or replay stops at the path change (KB Q296787)."),
    REG_06("REG-06", "Circular logging compatible with the restore type", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q296787"),
            "Circular logging was on: logs after the backup no longer exist; only a point-in-time "
                + "restore is possible (KB Q296787). Turn it off after recovery if roll-forward is wanted "
                + "next time."),
    REG_07("REG-07", "Organization and site identity agree", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q299676", "Q155509", "Q238063"),
            "Exchange was installed with org/site <actual>; the backup belongs to <expected>. "
                + "Reinstall with the exact (case-sensitive) names before restoring (KB Q238063, Q155509)."),
    REG_08("REG-08", "Exchange server-name values equal the virtual server name", Severity.CRIT, Confidence.CONFIRMED, "",
            List.of("Q238063", "Q299676"),
            "Exchange here is installed as <actual>; the cluster's Exchange virtual server is "
                + "<VNAME>. Restore only to a server installed with the same name (KB Q238063); do not edit "
                + "these values to rename a server."),
    REG_09("REG-09", "Exchange service start types usable", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q290651", "Q296229"),
            "`Start`=4 is replayed from the checkpoint if the service root key is replicated (KB "
                + "Q290651). Remove the root key from Registry Replication, set Start to Manual with the "
                + "resource online, then bring it online."),
    RIP_01("RIP-01", "Restore in Progress presence matches the restore type", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q200941", "Q181795", "Q238063"),
            "Export the key with regedit, then delete `…\\Restore in Progress` before starting (KB "
                + "Q181795, Q200941)\". Remedy (missing on online): \"Run the online restore again (do not "
                + "start from Cluster Administrator), or re-create the key from the worksheet in KB Q200941."),
    RIP_02("RIP-02", "RIP values complete, typed and well-formed", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q200941", "Q169859", "Q232705"),
            "The key is malformed; the store will stop with 1081/0x57. Restore again so the backup "
                + "program rewrites it, or correct <value> (KB Q232705)."),
    RIP_03("RIP-03", "EDB_RstMap \"after\" paths equal the registered database paths", Severity.CRIT, Confidence.CONFIRMED, "",
            List.of("Q200941", "Q262041"),
            "The restore will write/replay into <after>, but the store opens <DB Path>. Restore again "
                + "to the registered paths."),
    RIP_04("RIP-04", "EDB_RstMap \"before\" paths equal the database paths in the tape logs", Severity.CRIT, Confidence.CONFIRMED, "",
            List.of("Q262041", "Q200941"),
            "Logs <range> refer to <log path>, the map says <before>: those logs will be skipped "
                + "silently and their data lost (KB Q262041). Do not start the store; save the logs and the "
                + "original database; restore again, or correct the before-line to exactly <log path> (UNC "
                + "form) with extreme care."),
    RIP_05("RIP-05", "LowLog/HighLog agree with the patch file", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q200941"),
            "LowLog must be <pat low> (never any other number, KB Q200941); HighLog at least <pat "
                + "high>. Restore the backup sets again in chronological order."),
    RIP_06("RIP-06", "Tape log range present and clean", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q296229", "Q269782"),
            "Missing: Edb<gen>.log … restore them from tape. Move aside <extra logs> (KB Q269782) and "
                + "edb.chk (KB Q296229) before starting."),
    RIP_07("RIP-07", "First start not yet attempted by isinteg/eseutil", Severity.CRIT, Confidence.CONFIRMED, "",
            List.of("Q231299", "Q176068"),
            "Do not run isinteg -patch or eseutil /r before the first start after an online restore: "
                + "start the service (`net start MSExchangeIS`). If it was already run, the store will fail "
                + "with -552; restore the online backup again and start the service without isinteg (KB "
                + "Q231299)."),
    CLU_01("CLU-01", "Exchange group found", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q238063"),
            "The cluster hive has no Generic Service resource for <service> in the Exchange group; "
                + "check in Cluster Administrator that the Exchange resources exist in one group and that "
                + "this CLUSDB copy is current (CLU-11)."),
    CLU_02("CLU-02", "MTA distinguished name names the virtual server", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q155509", "Q162384", "Q238063"),
            "The MTA is configured for <cn>, the Exchange virtual server is <VNAME>: this "
                + "installation does not belong to this virtual server; reinstall against <VNAME> (KB "
                + "Q238063)."),
    CLU_03("CLU-03", "RIP UNC paths name the virtual server", Severity.HIGH, Confidence.INFERRED, "",
            List.of("Q238063", "Q200941"),
            "The restore was directed at <server>, not the Exchange virtual server <VNAME>. Run the "
                + "online restore again choosing <VNAME> as destination (KB Q238063)."),
    CLU_04("CLU-04", "Node name is not used as the Exchange name", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q178311", "Q238063"),
            "Exchange values name the node <NODE>; on a cluster they must name <VNAME>. This usually "
                + "means Exchange was installed or restored against the node; restore to <VNAME>."),
    CLU_05("CLU-05", "Network Name and IP Address resources usable", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q178311"),
            "Exchange group lacks a usable network name; Cluster Administrator > Exchange group > "
                + "Network Name > Parameters must show the Exchange server name."),
    CLU_06("CLU-06", "Possible owners include the nodes", Severity.WARN, Confidence.INFERRED, "",
            List.of(),
            "`cluster res \"<resource>\" /addowner:<node>` or Cluster Administrator > resource > General "
                + "> Possible owners."),
    CLU_07("CLU-07", "Dependencies in the documented order", Severity.WARN, Confidence.CONFIRMED, "",
            List.of("Q278464"),
            "Cluster Administrator > <resource> > Dependencies: add <missing> (KB Q278464 step 10)."),
    CLU_08("CLU-08", "Live registry equals the checkpoint the cluster will replay", Severity.CRIT, Confidence.CONFIRMED, "",
            List.of("Q288562", "Q185942", "Q174070", "Q199756", "Q278464", "Q188674"),
            "Bringing <R> online from Cluster Administrator will replace these live values with the "
                + "checkpoint from <time>: <list>. To keep the live (patched) values: (1) apply Isinteg.exe "
                + "5.5.2654.62 or later on Exchange 5.5 SP4 and run the patch again (KB Q288562); or (2) "
                + "start the service first with `net start <ServiceName>` and only then bring the resource "
                + "online, accepting ClusSvc event 1024 (KB Q188674, Q238063), so later changes are "
                + "checkpointed while online (KB Q174070); or (3) with the resource online and the values "
                + "correct, remove and re-add the registry checkpoint so it is re-taken from the live key "
                + "(KB Q174070)."),
    CLU_09("CLU-09", "Checkpoint list does not cover service root keys or the RIP key", Severity.CRIT, Confidence.CONFIRMED, "CRIT when a RIP key is inside a checkpointed subtree, else HIGH",
            List.of("Q188674", "Q290651"),
            "Start <DS/IS> from Services (`net start MSExchangeDS`), let hard recovery finish, then "
                + "bring the resource online in Cluster Administrator (ignore ClusSvc 1024) (KB Q188674). "
                + "Afterwards replace the root checkpoint by the default `…\\Parameters` and `…\\Diagnostics` "
                + "entries (KB Q290651)."),
    CLU_10("CLU-10", "Checkpoint files present, readable and matching the list", Severity.HIGH, Confidence.INFERRED, "",
            List.of("Q174070", "Q278464"),
            "Copy `<quorum>:\\MSCS\\<GUID>\\` completely. If the file is really gone, the cluster has "
                + "nothing to replay; re-add the checkpoint while the resource is online (KB Q174070)."),
    CLU_11("CLU-11", "Cluster hive copies agree", Severity.WARN, Confidence.CONFIRMED, "",
            List.of("Q217147"),
            "The node CLUSDB and the quorum snapshot differ on <items>; the cluster forms from the "
                + "newest chk*.tmp plus quolog.log (KB Q217147). Analyse with the copy the cluster will use: "
                + "<file>."),
    ESE_01("ESE-01", "Database state fits the restore type", Severity.CRIT, Confidence.CONFIRMED, "",
            List.of("Q296787", "Q185577"),
            "<db> was copied while dirty: the offline backup is not usable as is. Use another backup "
                + "taken after a clean stop (`eseutil /mh <db> | find /i \"consistent\"` must show "
                + "Consistent), or supply every log from its Last Attach onward and let soft recovery run; "
                + "`eseutil /p` only as a last resort (KB Q296787, Q185577)."),
    ESE_02("ESE-02", "Database log signature matches the log set", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q296787"),
            "These logs belong to another log stream / another incarnation of <db>; replay would "
                + "stop. Use the logs of the same server and backup generation (KB Q296787)."),
    ESE_03("ESE-03", "No foreign logs", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q296787"),
            "Move <files> out of the log folder before starting: their signature differs from the "
                + "anchor log (KB Q296787)."),
    ESE_04("ESE-04", "Required log range present", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q296787"),
            "The anchor log Edb<gen>.log is missing: do not replay any logs; restore point-in-time "
                + "instead (KB Q296787)."),
    ESE_05("ESE-05", "No gaps in the log sequence", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q240145", "Q296787"),
            "Missing Edb<gen>.log: replay cannot pass the gap. Find the log in other backup sets; "
                + "otherwise keep only logs below the gap, rename the highest of them edb.log and remove all "
                + "above it (KB Q296787, Q240145)."),
    ESE_06("ESE-06", "edb.log is the highest log + 1", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q296787"),
            "`ren Edb<highest>.log edb.log` and move away every numbered log above it (KB Q296787 "
                + "step 7)\" or \"edb.log (gen <n>) does not follow Edb<highest>.log: move it away (step 6)\"."),
    ESE_07("ESE-07", "Checkpoint file placement", Severity.CRIT, Confidence.CONFIRMED, "CRIT for offline roll-forward, WARN for online",
            List.of("Q296787", "Q296229"),
            "Move edb.chk out of the working folder <Working Directory> before starting (KB Q296787 "
                + "step 9, KB Q296229 step 14)."),
    ESE_08("ESE-08", "Header checksums and shadow copy", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q261947", "Q296787"),
            "Header of <file> damaged: re-copy the file; if the copy is also damaged, restore another "
                + "backup (esefile /s to check pages, KB Q296787)."),
    ESE_09("ESE-09", "Patch files fit the restore", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q200941", "Q296229"),
            "<db>.pat missing or from another backup: hard recovery cannot run (KB Q200941). Restore "
                + "the full backup again so database, logs and patch file come from the same set."),
    PRC_01("PRC-01", "_CLUSTER_NETWORK_NAME_ line correctly spelt", Severity.CRIT, Confidence.CONFIRMED, "",
            List.of("Q280770", "Q178311"),
            "In the same command prompt type exactly `SET _CLUSTER_NETWORK_NAME_=<VNAME>` and then "
                + "`isinteg -patch` (KB Q280770)."),
    PRC_02("PRC-02", "_CLUSTER_NETWORK_NAME_ value is the Exchange virtual server", Severity.CRIT, Confidence.CONFIRMED, "",
            List.of("Q178311", "Q280770"),
            "`SET _CLUSTER_NETWORK_NAME_=<VNAME>` — the Name on the Parameters tab of the Exchange "
                + "group's Network Name resource — then `isinteg -patch` (KB Q178311)."),
    PRC_03("PRC-03", "Variable not set machine-wide", Severity.WARN, Confidence.INFERRED, "",
            List.of("Q178311"),
            "Delete the system variable `_CLUSTER_NETWORK_NAME_` (System Properties > Environment); "
                + "set it only in the command prompt used for isinteg (KB Q178311)."),
    PRC_04("PRC-04", "isinteg version and service pack adequate", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q288562", "Q185942", "Q271634"),
            "Install Exchange 5.5 SP4 on both nodes (KB Q271634 for cluster hotfix steps), then the "
                + "Isinteg.exe 5.5.2654.62 (or later) fix (KB Q288562), then run isinteg -patch once."),
    PRC_05("PRC-05", "Start path after the restore", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q238063", "Q188674"),
            "1) In Cluster Administrator make sure the Exchange IP Address, Network Name and disks "
                + "are online; 2) `net start MSExchangeSA`, `net start MSExchangeDS`, `net start "
                + "MSExchangeIS` on the owning node; 3) when the store is up, bring the Exchange resources "
                + "online in Cluster Administrator (ClusSvc 1024 can be ignored); 4) once running, stop via "
                + "Control Panel and bring everything online via the cluster, then test Move Group (KB "
                + "Q238063, Q188674)."),
    PRC_06("PRC-06", "isinteg -patch applicable and run once", Severity.HIGH, Confidence.CONFIRMED, "",
            List.of("Q149238", "Q296787", "Q231299", "Q288562"),
            "With SA and DS online and the IS stopped: `SET _CLUSTER_NETWORK_NAME_=<VNAME>`, `cd /d "
                + "<exchsrvr>\\bin`, `isinteg -patch`, then start the IS as in PRC-05. Run it once; if the "
                + "store asks again, fix the checkpoint drift (CLU-08) instead of re-running (KB Q149238, "
                + "Q288562).");

    private final String id;
    private final String title;
    private final Severity severity;
    private final Confidence confidence;
    private final String severityNote;
    private final List<String> kb;
    private final String remedy;

    Rule(String id, String title, Severity severity, Confidence confidence, String severityNote, List<String> kb,
         String remedy) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.confidence = confidence;
        this.severityNote = severityNote;
        this.kb = kb;
        this.remedy = remedy;
    }

    /** "CLU-08". */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The family: IN, REG, RIP, CLU, ESE or PRC. */
    public String family() {
        return id.substring(0, id.indexOf('-'));
    }

    /** The catalog severity (the highest this rule reports; see {@link #severityNote()}). */
    public Severity severity() {
        return severity;
    }

    public Confidence confidence() {
        return confidence;
    }

    /** When the severity depends on the case ("CRIT for offline roll-forward, WARN for online"), else "". */
    public String severityNote() {
        return severityNote;
    }

    /** KB article numbers, e.g. "Q288562". */
    public List<String> kb() {
        return kb;
    }

    /** The catalog remedy, with its placeholders. */
    public String remedy() {
        return remedy;
    }

    public static Rule byId(String id) {
        for (Rule r : values()) {
            if (r.id.equalsIgnoreCase(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no rule " + id);
    }
}
