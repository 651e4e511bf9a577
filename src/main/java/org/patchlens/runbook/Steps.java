package org.patchlens.runbook;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.rules.Effective;

/**
 * The steps of one restore type after the blockers, with the names filled in: the story of exchange-restore.md
 * 1.4 done right, the command lines of its section 7 as they are written there. Numbered 0 here; the planner
 * numbers them after the blockers.
 */
final class Steps {
    static final String SET = "SET _CLUSTER_NETWORK_NAME_=";
    private static final String SERVICES = "SYSTEM\\CurrentControlSet\\Services\\";

    private Steps() {
    }

    static List<Step> of(Effective type, Names n) {
        return switch (type) {
            case OFFLINE_PIT, OFFLINE_ROLLFORWARD -> offline(type, n);
            case ONLINE -> online(n);
            case UNKNOWN -> List.of(step(Phase.PREPARE, "Say which restore this is: give --restore-type online or "
                    + "offline (with --roll-forward when later logs are to be replayed) and run the check again; the "
                    + "steps of the two differ (isinteg -patch after an offline restore, never after an online one).",
                    List.of(), "exchange-restore.md 1.2: the restore type decides the steps (KB Q149238, Q231299).",
                    List.of("IN-06"), List.of("Q149238", "Q231299")));
        };
    }

    private static List<Step> offline(Effective type, Names n) {
        List<Step> out = new ArrayList<>();
        String is = n.resource("MSExchangeIS");
        if (n.cluster()) {
            out.add(step(Phase.PREPARE, "On the node that owns " + n.group() + ", take the Information Store resource "
                    + "offline (Cluster Administrator, or the command below); leave the System Attendant and the "
                    + "Directory online: isinteg -patch needs them.", List.of(res(is, "/offline")),
                    "The databases can be replaced only while the store is stopped; isinteg -patch talks to the "
                    + "directory (DS_E_COMMUNICATIONS_PROBLEM without it) (KB Q149238, Q162354). Taking the resource "
                    + "offline saves its registry checkpoints (KB Q174070).",
                    List.of("CLU-01", "CLU-05", "CLU-07"), List.of("Q149238", "Q162354", "Q174070")));
        } else {
            out.add(step(Phase.PREPARE, "Stop the Information Store; leave the System Attendant and the Directory "
                    + "running: isinteg -patch needs them.", List.of("net stop MSExchangeIS"),
                    "The databases can be replaced only while the store is stopped; isinteg -patch talks to the "
                    + "directory (KB Q149238, Q162354).", List.of(), List.of("Q149238", "Q162354")));
        }
        List<String> copies = new ArrayList<>();
        for (String db : n.databases()) {
            copies.add("copy " + quoted(Names.backupFile(db)) + " " + quoted(db));
        }
        String where = n.databases().isEmpty() ? "the paths the SYSTEM hive registers (DB Path)"
                : String.join(" and ", n.databases()) + " (DB Path)";
        String logs = type == Effective.OFFLINE_ROLLFORWARD
                ? " Copy the logs from the databases' Last Consistent generation (the anchor log) to the newest into "
                + n.logFolder() + ", the newest named edb.log, and no edb.chk: replay starts from the anchor log "
                + "(KB Q296787)."
                : " Move every old log, edb.chk and .pat file out of " + n.logFolder() + " and the working folder: a "
                + "point-in-time restore starts a new log series (KB Q296787).";
        out.add(step(Phase.RESTORE, "From the folder of the offline backup, copy the databases to " + where + "."
                + logs, copies, "The store opens the databases at the registered paths (KB Q183266). An offline "
                + "backup must be Consistent (cleanly shut down before the copy), and logs that do not belong stop "
                + "the store (KB Q296787).", List.of("REG-02", "ESE-01", "ESE-07"), List.of("Q183266", "Q296787")));
        out.add(step(Phase.ASK, "Start the Information Store once from the service controller and let it ask for the "
                + "patch: it stops with application log event 1087 (or 2048) and service-specific error 1011; on a "
                + "server of another name 7202, 1005 and service error 1012.", List.of("net start MSExchangeIS"),
                "isinteg -patch is run only after the store has asked for it: run before, it can damage the database "
                + "(KB Q296787, Q149238, Q280770).", List.of("PRC-06"), List.of("Q296787", "Q149238", "Q280770")));
        List<String> patch = new ArrayList<>();
        if (n.cluster()) {
            patch.add(SET + n.virtualServer());
        }
        patch.add("cd /d " + n.exchsrvrBin());
        patch.add("isinteg -patch");
        out.add(step(Phase.PATCH, n.cluster()
                ? "In one command prompt on the node that owns " + n.group() + " (System Attendant and Directory online, "
                + "the Information Store stopped), set the Exchange virtual server's name " + n.virtualServer()
                + " and run isinteg -patch once, in that same prompt."
                : "In a command prompt on the server (System Attendant and Directory running, the Information Store "
                + "stopped), run isinteg -patch once.", patch,
                n.cluster() ? "isinteg reads the computer name: without the variable it sees the node " + n.node()
                + " and fails with JET_errKeyDuplicate (KB Q178311); a misspelt variable makes it appear to succeed "
                + "while the store still asks (KB Q280770). Set it in this prompt only, never machine-wide. Run it "
                + "once: when the store asks again, the cluster's checkpoint rolled the patch back; fix that instead "
                + "of running it again (KB Q149238, Q288562)."
                : "Run it once: a stand-alone server has no registry checkpoint to roll the patch back (KB Q149238).",
                n.cluster() ? List.of("PRC-01", "PRC-02", "PRC-03", "PRC-04", "PRC-06") : List.of("PRC-04", "PRC-06"),
                n.cluster() ? List.of("Q149238", "Q178311", "Q280770", "Q288562") : List.of("Q149238", "Q288562")));
        List<Names.Checkpoint> patched = patchedKeys(n);
        if (n.cluster() && !patched.isEmpty()) {
            out.add(step(Phase.START, "Start the Information Store from the service controller first, before the "
                    + "cluster brings it online: " + listed(patched) + " would be replayed over what isinteg -patch "
                    + "wrote.", List.of("net start MSExchangeIS"), "Bringing a resource online restores its "
                    + "checkpoints before the service starts, rolling back what changed while it was offline (KB "
                    + "Q174070, Q185942, Q288562); which values isinteg -patch writes is inferred (exchange-restore.md, "
                    + "appendix 4). Started from the service controller, the replay fails on the open keys: ClusSvc "
                    + "event 1024 (\"registry checkpoint ... could not be restored\") is expected and can be ignored "
                    + "(KB Q188674, Q238063).", List.of("CLU-08", "PRC-05"),
                    List.of("Q174070", "Q185942", "Q288562", "Q188674", "Q238063")));
        }
        if (n.cluster()) {
            out.add(online(n, List.of("MSExchangeIS"), patched.isEmpty() ? "No registry checkpoint covers the keys "
                    + "isinteg -patch writes, so the resource can be brought online directly (KB Q174070)."
                    : "The store is running; the cluster now monitors it and checkpoints later changes while it is "
                    + "online (KB Q174070, Q188674).", List.of("Q174070", "Q188674")));
            out.add(step(Phase.VERIFY, "Check the application log: the Information Store started and stays running, "
                    + "with no new 1087, 2048, 7202 or 1005 / 1012 (the patch request back means the checkpoint rolled "
                    + "the patch back). Then test Move Group in Cluster Administrator.", List.of(),
                    "The events of exchange-restore.md 1.4: a store that asks for isinteg -patch again after it ran is "
                    + "the checkpoint replay of KB Q288562 / Q185942.", List.of(),
                    List.of("Q288562", "Q185942", "Q238063")));
        } else {
            out.add(online(n, List.of("MSExchangeIS"), "A stand-alone server has no registry checkpoints: nothing is "
                    + "replayed over what isinteg -patch wrote (KB Q174070).", List.of("Q174070")));
            out.add(step(Phase.VERIFY, "Check the application log: the Information Store started and stays running, "
                    + "with no new 1087, 2048, 7202 or 1005 / 1012.", List.of(), "The events of exchange-restore.md 1.4: "
                    + "1087 or 2048 with 1011 ask for isinteg -patch (KB Q149238); 7202, 1005 and 1012 on a server of "
                    + "another name (KB Q280770).", List.of(), List.of("Q149238", "Q280770")));
        }
        return out;
    }

    private static List<Step> online(Names n) {
        List<Step> out = new ArrayList<>();
        List<String> services = n.dsRestored() ? List.of("MSExchangeDS", "MSExchangeIS") : List.of("MSExchangeIS");
        if (n.cluster()) {
            List<String> off = new ArrayList<>();
            for (int i = services.size() - 1; i >= 0; i--) {
                off.add(res(n.resource(services.get(i)), "/offline"));
            }
            out.add(step(Phase.PREPARE, "On the node that owns " + n.group() + ", take " + (n.dsRestored()
                    ? "the Information Store and the Directory resources" : "the Information Store resource")
                    + " offline (Cluster Administrator, or the " + (off.size() == 1 ? "command" : "commands")
                    + " below); the System Attendant stays online.",
                    off, "The backup program restores into a stopped service.", List.of("CLU-01", "CLU-05", "CLU-07"),
                    List.of()));
        } else {
            List<String> stop = new ArrayList<>();
            for (int i = services.size() - 1; i >= 0; i--) {
                stop.add("net stop " + services.get(i));
            }
            out.add(step(Phase.PREPARE, "Stop " + (n.dsRestored() ? "the Information Store and the Directory"
                    : "the Information Store") + "; the System Attendant stays running.", stop,
                    "The backup program restores into a stopped service.", List.of(), List.of()));
        }
        out.add(step(Phase.RESTORE, "Run the online restore with the backup program"
                + (n.cluster() ? ", with " + n.virtualServer() + " (the Exchange virtual server, not the node "
                + n.node() + ") as the destination" : "") + ", and leave \"Start service after restore\" unticked. It "
                + "writes the databases, the logs and .pat files and the Restore in Progress key under "
                + String.join(" and ", services) + ". Do not run isinteg -patch or eseutil /r afterwards: the next step "
                + "starts the store.", List.of(), "An online restore is patched by the backup API itself; isinteg -patch "
                + "or eseutil /r before the first start runs soft recovery without the patch data, and the store then "
                + "fails with -552 (event 1080): the only cure is to restore again (KB Q200941, Q231299)."
                + (n.cluster() ? " Restored to the node instead of the virtual server, the paths name the wrong server "
                + "(KB Q238063)." : ""), List.of("RIP-01", "RIP-03", "CLU-03", "ESE-09"),
                n.cluster() ? List.of("Q200941", "Q231299", "Q238063") : List.of("Q200941", "Q231299")));
        List<Names.Checkpoint> rip = ripKeys(n, services);
        if (n.cluster() && !rip.isEmpty()) {
            List<String> start = new ArrayList<>();
            services.forEach(s -> start.add("net start " + s));
            out.add(step(Phase.START, "Start " + (n.dsRestored() ? "the Directory, then the Information Store," :
                    "the Information Store") + " from the service controller first, before the cluster brings "
                    + (services.size() > 1 ? "them" : "it") + " online: the Restore in Progress key lies inside "
                    + listed(rip) + ", and a replay would remove it. Let hard recovery finish.", start,
                    "Brought online by the cluster, the checkpoint is replayed first, the key vanishes and the engine "
                    + "starts a normal initialisation: the DS stops with 1002 \"error -528\" (ClusSvc 1042), the IS with "
                    + "1120 and 5000 \"Current log file missing\" (KB Q188674, Q238063). Started from the service "
                    + "controller, the replay fails on the open keys: ClusSvc event 1024 (\"registry checkpoint ... "
                    + "could not be restored\") is expected and can be ignored (KB Q188674).",
                    List.of("CLU-09", "PRC-05", "RIP-07"), List.of("Q188674", "Q238063", "Q290651")));
        }
        if (!n.cluster()) {
            out.add(online(n, services, "The first start reads the Restore in Progress key and runs hard recovery; a "
                    + "stand-alone server has no registry checkpoint that could remove the key before it (KB Q174070). "
                    + "Nothing runs before it (KB Q231299).", List.of("Q174070", "Q231299")));
        } else if (rip.isEmpty()) {
            out.add(online(n, services, "No registry checkpoint covers the Restore in Progress key, so the first start "
                    + "can be the cluster's (KB Q188674); nothing runs before it (KB Q231299).",
                    List.of("Q174070", "Q188674", "Q231299")));
        } else {
            out.add(online(n, services, "The services are running; the cluster now monitors them (KB Q188674). "
                    + "Afterwards replace a checkpoint of a whole service key by the default Parameters and Diagnostics "
                    + "entries (KB Q290651).", List.of("Q174070", "Q188674", "Q290651")));
        }
        out.add(step(Phase.VERIFY, "Check the application log: ESE97 106 and 107 (restore started, stopped), 108 to "
                + "110 (recovery), then the store running and the Restore in Progress key gone. Not expected: 1002 "
                + "-528 or 1120 + 5000 (the key " + (n.cluster() ? "was removed by a checkpoint replay" : "was gone at "
                + "the first start") + "), 1080 -552 (isinteg or eseutil ran before the first start), 1081 0x57 (the "
                + "key is malformed).", List.of(),
                "The events of exchange-restore.md 1.4 (KB Q262041, Q188674, Q231299, Q232705).", List.of(),
                List.of("Q262041", "Q188674", "Q231299", "Q232705")));
        return out;
    }

    /** The ONLINE step: the resources online in the cluster (dependencies first), or the services started. */
    private static Step online(Names n, List<String> services, String why, List<String> kb) {
        List<String> cmds = new ArrayList<>();
        for (String s : services) {
            cmds.add(n.cluster() ? res(n.resource(s), "/online") : "net start " + s);
        }
        return step(Phase.ONLINE, n.cluster() ? "Bring the Exchange resources online in Cluster Administrator (or "
                + "with the command" + (cmds.size() > 1 ? "s" : "") + " below); ClusSvc event 1024 can be ignored."
                : "Start the service" + (cmds.size() > 1 ? "s" : "") + ".", cmds, why,
                n.cluster() ? List.of("CLU-10", "CLU-11") : List.of(), kb);
    }

    /** The checkpoints that cover what isinteg -patch writes: the MSExchangeIS keys other than Diagnostics. */
    static List<Names.Checkpoint> patchedKeys(Names n) {
        List<Names.Checkpoint> out = new ArrayList<>();
        for (Names.Checkpoint c : n.checkpoints()) {
            for (String k : List.of("ParametersSystem", "ParametersPrivate", "ParametersPublic")) {
                if (c.covers(SERVICES + "MSExchangeIS\\" + k) || new Names.Checkpoint("", "", "", SERVICES
                        + "MSExchangeIS\\" + k).covers(c.path())) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    /** The checkpoints that cover the Restore in Progress key of a restored service. */
    static List<Names.Checkpoint> ripKeys(Names n, List<String> services) {
        List<Names.Checkpoint> out = new ArrayList<>();
        for (Names.Checkpoint c : n.checkpoints()) {
            if (services.stream().anyMatch(s -> c.covers(SERVICES + s + "\\Restore in Progress"))) {
                out.add(c);
            }
        }
        return out;
    }

    /** "checkpoint 00000002 of Microsoft Exchange Information Store (SYSTEM\…\ParametersPrivate) and …". */
    static String listed(List<Names.Checkpoint> cps) {
        StringBuilder sb = new StringBuilder(cps.size() == 1 ? "the registry checkpoint " : "the registry checkpoints ");
        for (int i = 0; i < cps.size(); i++) {
            Names.Checkpoint c = cps.get(i);
            sb.append(i == 0 ? "" : i == cps.size() - 1 ? " and " : ", ").append(c.valueName()).append(" (")
                    .append(c.path()).append(')');
            if (i == cps.size() - 1 || !cps.get(i + 1).resource().equals(c.resource())) {
                sb.append(" of ").append(c.resource());
            }
        }
        return sb.toString();
    }

    /** {@code cluster res "<name>" /online}, as exchange-restore.md 7 writes it. */
    static String res(String resource, String what) {
        return "cluster res \"" + resource + "\" " + what;
    }

    /** A path as a command takes it: in quotes when it has a space. */
    static String quoted(String path) {
        return path.contains(" ") ? "\"" + path + "\"" : path;
    }

    private static Step step(Phase p, String action, List<String> commands, String why, List<String> rules,
                             List<String> kb) {
        return new Step(0, p, action, commands, why, rules, kb);
    }
}
