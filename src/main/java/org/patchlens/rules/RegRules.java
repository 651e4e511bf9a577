package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG: the Exchange values of the SYSTEM hive. */
final class RegRules {
    static final String SA = "Services\\MSExchangeSA\\Parameters";
    static final String DS = "Services\\MSExchangeDS\\Parameters";
    static final String IS_SYSTEM = "Services\\MSExchangeIS\\ParametersSystem";
    static final String IS_PRIVATE = "Services\\MSExchangeIS\\ParametersPrivate";
    static final String IS_PUBLIC = "Services\\MSExchangeIS\\ParametersPublic";
    static final String MTA = "Services\\MSExchangeMTA\\Parameters";

    private RegRules() {
    }

    static List<Finding> evaluate(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        Optional<SystemView> s = c.system();
        if (s.isEmpty() || s.get().controlSet() == null) {
            String why = s.isEmpty() ? "no SYSTEM hive" : "IN-04 did not resolve the current control set";
            for (Rule r : List.of(Rule.REG_01, Rule.REG_02, Rule.REG_03, Rule.REG_04, Rule.REG_05, Rule.REG_06,
                    Rule.REG_07, Rule.REG_08, Rule.REG_09)) {
                out.add(Finding.skipped(r, why));
            }
            return out;
        }
        SystemView v = s.get();
        out.add(reg01(v));
        out.addAll(reg02(c, v));
        out.addAll(reg03(c, v));
        out.addAll(reg04(c, v));
        out.addAll(reg05(c, v));
        out.add(reg06(c, v));
        out.addAll(reg07(c, v));
        out.addAll(reg08(c, v));
        out.addAll(reg09(c, v));
        return out;
    }

    private static Source keySource(SystemView v, String rel) {
        var k = v.key(rel);
        return new Source(v.file(), v.controlSetName() + "\\" + rel, k == null ? -1 : k.fileOffset());
    }

    private static Finding reg01(SystemView v) {
        List<String> missing = new ArrayList<>();
        for (String k : List.of(SA, DS, IS_SYSTEM, MTA)) {
            if (v.key(k) == null) {
                missing.add(k);
            }
        }
        if (v.key(IS_PRIVATE) == null && v.key(IS_PUBLIC) == null) {
            missing.add(IS_PRIVATE + " or " + IS_PUBLIC);
        }
        String expected = "SA, DS, IS (System + Private/Public) and MTA parameter keys in " + v.controlSetName();
        if (missing.isEmpty()) {
            return Finding.pass(Rule.REG_01, "Exchange service keys", expected, v.currentSource(), "all present",
                    new Source(v.file(), v.controlSetName() + "\\Services", -1));
        }
        return Finding.fail(Rule.REG_01, "Exchange service keys", expected, v.currentSource(),
                "missing: " + String.join(", ", missing), new Source(v.file(), v.controlSetName() + "\\Services", -1),
                Rule.REG_01.remedy());
    }

    private static List<Finding> reg02(CheckContext c, SystemView v) {
        List<Finding> out = new ArrayList<>();
        boolean any = false;
        for (String[] db : new String[][] {{IS_PRIVATE, "priv.edb"}, {IS_PUBLIC, "pub.edb"}}) {
            Optional<RegValue> p = v.value(db[0], "DB Path");
            if (v.key(db[0]) == null) {
                continue;
            }
            any = true;
            if (p.isEmpty()) {
                out.add(Finding.fail(Rule.REG_02, db[0] + " : DB Path", "a REG_SZ path to " + db[1].toUpperCase(),
                        Source.NONE, "missing", keySource(v, db[0]), "Re-create `DB Path` under " + db[0]
                                + " with the database's full path (KB Q183266)."));
                continue;
            }
            RegValue val = p.get();
            WinPath path = WinPath.of(val.text());
            if (!val.isString() || !path.isAbsoluteLocal() || !path.fileName().toLowerCase().endsWith(".edb")) {
                out.add(Finding.fail(Rule.REG_02, db[0] + " : DB Path", "REG_SZ absolute local path X:\\...\\"
                        + db[1].toUpperCase(), Source.NONE, val.shown(), val.source(), "Set `DB Path` to the local "
                        + "path of the database, e.g. D:\\exchsrvr\\MDBDATA\\" + db[1].toUpperCase() + " (KB Q183266)."));
                continue;
            }
            boolean mismatch = false;
            for (Evidence e : c.evidence(EvidenceKind.ESE_DATABASE)) {
                String fn = e.path().getFileName().toString();
                if (WinPath.sameFileName(fn, db[1]) && !WinPath.sameFileName(fn, path.fileName())) {
                    mismatch = true;
                    out.add(Finding.fail(Rule.REG_02, db[0] + " : DB Path", path.fileName(), val.source(), fn,
                            new Source(e.name(), "file name", -1), "Copy " + fn + " to " + val.text()
                                    + " - restore to the registered paths (KB Q183266)."));
                }
            }
            if (!mismatch) {
                out.add(Finding.pass(Rule.REG_02, db[0] + " : DB Path", "absolute local .EDB path", Source.NONE,
                        val.text(), val.source()));
            }
        }
        if (!any) {
            return List.of(Finding.skipped(Rule.REG_02, "no MSExchangeIS ParametersPrivate/ParametersPublic key"));
        }
        return out;
    }

    private static List<Finding> reg03(CheckContext c, SystemView v) {
        if (v.key(IS_SYSTEM) == null) {
            return List.of(Finding.skipped(Rule.REG_03, "no MSExchangeIS\\ParametersSystem key"));
        }
        List<Finding> out = new ArrayList<>();
        Optional<RegValue> logPath = v.value(IS_SYSTEM, "DB Log Path");
        Optional<RegValue> work = v.value(IS_SYSTEM, "Working Directory");
        for (var pair : List.of(new Object[] {"DB Log Path", logPath}, new Object[] {"Working Directory", work})) {
            String name = (String) pair[0];
            @SuppressWarnings("unchecked")
            Optional<RegValue> val = (Optional<RegValue>) pair[1];
            if (val.isEmpty() || !val.get().isString() || !WinPath.of(val.get().text()).isAbsoluteLocal()) {
                out.add(Finding.fail(Rule.REG_03, IS_SYSTEM + " : " + name, "REG_SZ absolute local folder",
                        Source.NONE, val.map(RegValue::shown).orElse("missing"),
                        val.map(RegValue::source).orElse(keySource(v, IS_SYSTEM)),
                        "Set `" + name + "` under MSExchangeIS\\ParametersSystem to the local folder (KB Q183266)."));
            }
        }
        var rip = c.restoreInProgress("MSExchangeIS");
        if (rip != null && logPath.isPresent() && work.isPresent()) {
            String ripPath = rip.path().substring(1);
            for (String[] m : new String[][] {{"LogPath", "DB Log Path"}, {"BackupLogPath", "DB Log Path"},
                {"CheckpointFilePath", "Working Directory"}}) {
                var rv = rip.value(m[0]);
                if (rv == null) {
                    continue; // RIP-02 reports missing RIP values
                }
                RegValue r = RegValue.of(v.file(), ripPath, rip, rv);
                RegValue reg = m[1].equals("DB Log Path") ? logPath.get() : work.get();
                if (!WinPath.of(r.text()).sameLocal(WinPath.of(reg.text()))) {
                    out.add(Finding.fail(Rule.REG_03, "Restore in Progress : " + m[0], WinPath.of(reg.text()).local(),
                            reg.source(), r.text(), r.source(), "Registry says " + m[1] + " " + reg.text()
                                    + "; the restore wrote " + r.text() + ". Put the logs and .pat files in "
                                    + reg.text() + " or re-run the restore with the right paths (KB Q200941)."));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.REG_03, IS_SYSTEM, "DB Log Path and Working Directory: absolute local folders"
                    + (rip != null ? " matching the Restore in Progress paths" : ""), Source.NONE,
                    logPath.get().text() + " ; " + work.get().text(), logPath.get().source()));
        }
        return out;
    }

    private static List<Finding> reg04(CheckContext c, SystemView v) {
        if (v.key(DS) == null) {
            return List.of(Finding.skipped(Rule.REG_04, "no MSExchangeDS\\Parameters key"));
        }
        List<Finding> out = new ArrayList<>();
        for (String name : List.of("DSA Database file", "Database log files path", "DSA Working Directory")) {
            Optional<RegValue> val = v.value(DS, name);
            if (val.isEmpty() || !val.get().isString() || !WinPath.of(val.get().text()).isAbsoluteLocal()) {
                out.add(Finding.fail(Rule.REG_04, DS + " : " + name, "REG_SZ absolute local path", Source.NONE,
                        val.map(RegValue::shown).orElse("missing (the DS stops with event 1016)"),
                        val.map(RegValue::source).orElse(keySource(v, DS)),
                        "Re-create `" + name + "` under MSExchangeDS\\Parameters (KB Q263548)."));
            }
        }
        Optional<RegValue> dbFile = v.value(DS, "DSA Database file");
        for (Evidence e : c.evidence(EvidenceKind.ESE_DATABASE)) {
            String fn = e.path().getFileName().toString();
            if (dbFile.isPresent() && WinPath.sameFileName(fn, "dir.edb")
                    && !WinPath.sameFileName(fn, WinPath.of(dbFile.get().text()).fileName())) {
                out.add(Finding.fail(Rule.REG_04, DS + " : DSA Database file", WinPath.of(dbFile.get().text())
                        .fileName(), dbFile.get().source(), fn, new Source(e.name(), "file name", -1),
                        "Restore dir.edb to " + dbFile.get().text() + " (KB Q183266)."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.REG_04, DS, "DSA Database file, Database log files path, DSA Working Directory",
                    Source.NONE, dbFile.get().text(), dbFile.get().source()));
        }
        return out;
    }

    private static List<Finding> reg05(CheckContext c, SystemView v) {
        if (c.restore() != Effective.OFFLINE_ROLLFORWARD) {
            return List.of(Finding.notApplicable(Rule.REG_05, c.restore().label() + " restore (online restores remap "
                    + "through EDB_RstMap: RIP-04)"));
        }
        List<RegValue> registered = new ArrayList<>();
        v.value(IS_PRIVATE, "DB Path").ifPresent(registered::add);
        v.value(IS_PUBLIC, "DB Path").ifPresent(registered::add);
        v.value(DS, "DSA Database file").ifPresent(registered::add);
        StoreView s = c.store();
        long anchor = s.anchor();
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var l : s.replayLogs()) {
            if (anchor >= 0 && l.header().generation() < anchor) {
                continue;
            }
            for (var a : l.header().attachments()) {
                WinPath p = WinPath.of(a.path());
                if (!seen.add(p.local().toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                Optional<RegValue> reg = registered.stream().filter(r -> WinPath.sameFileName(
                        WinPath.of(r.text()).fileName(), p.fileName())).findFirst();
                Source ls = l.source("attached database path", a.fileOffset());
                if (reg.isEmpty()) {
                    continue;
                }
                if (WinPath.of(reg.get().text()).sameLocal(p)) {
                    out.add(Finding.pass(Rule.REG_05, reg.get().source().location(), p.local(), ls, reg.get().text(),
                            reg.get().source()));
                } else {
                    out.add(Finding.fail(Rule.REG_05, reg.get().source().location(), p.local(), ls, reg.get().text(),
                            reg.get().source(), "Logs expect " + p.local() + "; registry has " + reg.get().text()
                                    + ". Put the database back at " + p.local() + " (set the path back with Performance "
                                    + "Optimizer on a cluster, KB Q222912/Q278464) before starting, or replay stops at "
                                    + "the path change (KB Q296787)."));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.REG_05, "no log header attach lists among the evidence (Edb00001.log and "
                    + "ESE97 binary logs have none; eseutil /ml output does)"));
        }
        return out;
    }

    private static Finding reg06(CheckContext c, SystemView v) {
        if (c.restore() == Effective.UNKNOWN) {
            return Finding.skipped(Rule.REG_06, "restore type unknown");
        }
        if (c.restore() != Effective.OFFLINE_ROLLFORWARD) {
            return Finding.notApplicable(Rule.REG_06, c.restore().label() + " restore replays no later logs");
        }
        Optional<RegValue> circ = v.value(IS_SYSTEM, "Circular Logging");
        if (circ.isEmpty()) {
            return Finding.skipped(Rule.REG_06, "no Circular Logging value");
        }
        if (circ.get().dword() == 0) {
            return Finding.pass(Rule.REG_06, IS_SYSTEM + " : Circular Logging", "0", Source.NONE, "0",
                    circ.get().source());
        }
        return Finding.fail(Rule.REG_06, IS_SYSTEM + " : Circular Logging", "0 (logs kept)", Source.NONE,
                circ.get().shown(), circ.get().source(), Rule.REG_06.remedy());
    }

    private static List<Finding> reg07(CheckContext c, SystemView v) {
        if (v.key(SA) == null && v.key(MTA) == null) {
            return List.of(Finding.skipped(Rule.REG_07, "no MSExchangeSA and no MSExchangeMTA parameters"));
        }
        List<Finding> out = new ArrayList<>();
        Optional<RegValue> dn = v.value(MTA, "X500 DN");
        for (String[] part : new String[][] {{"Enterprise", "o", "org"}, {"Site", "ou", "site"}}) {
            Optional<RegValue> sa = v.value(SA, part[0]);
            String fromDn = dn.map(d -> X500.part(d.text(), part[1])).orElse(null);
            String expected = part[2].equals("org") ? c.options().expectOrg() : c.options().expectSite();
            List<String[]> pairs = new ArrayList<>();
            if (sa.isPresent() && fromDn != null) {
                pairs.add(new String[] {fromDn, "dn", sa.get().text(), "sa"});
            }
            if (expected != null && sa.isPresent()) {
                pairs.add(new String[] {expected, "opt", sa.get().text(), "sa"});
            }
            if (expected != null && fromDn != null && sa.isEmpty()) {
                pairs.add(new String[] {expected, "opt", fromDn, "dn"});
            }
            for (String[] p : pairs) {
                Source es = p[1].equals("dn") ? dn.get().source() : Source.option("--expect-" + part[2]);
                Source as = p[3].equals("sa") ? sa.get().source() : dn.get().source();
                String obj = (p[3].equals("sa") ? part[0] + " (SA)" : "MTA X500 DN " + part[1] + "=") + " vs "
                        + (p[1].equals("dn") ? "MTA X500 DN " + part[1] + "=" : "--expect-" + part[2]);
                if (p[0].equals(p[2])) {
                    out.add(Finding.pass(Rule.REG_07, obj, p[0], es, p[2], as));
                } else {
                    String remedy = "Exchange was installed with " + part[2] + " " + p[2] + "; the backup belongs to "
                            + p[0] + ". Reinstall with the exact (case-sensitive) names before restoring "
                            + "(KB Q238063, Q155509).";
                    Finding f = Finding.fail(Rule.REG_07, obj, p[0], es, p[2], as, remedy);
                    out.add(p[0].equalsIgnoreCase(p[2]) ? f.withDetail("differs in case only (names are "
                            + "case-sensitive here, KB Q299676)") : f);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.REG_07, "nothing to compare: SA Enterprise/Site or MTA X500 DN missing"));
        }
        return out;
    }

    private static List<Finding> reg08(CheckContext c, SystemView v) {
        Optional<String> vname = c.virtualServer();
        Optional<RegValue> node = c.node();
        String expected;
        Source expSrc;
        if (vname.isPresent()) {
            expected = vname.get();
            expSrc = c.virtualServerSource().orElse(Source.NONE);
        } else if (!c.isCluster() && node.isPresent()) {
            expected = node.get().text();
            expSrc = node.get().source();
        } else {
            return List.of(Finding.skipped(Rule.REG_08, c.isCluster()
                    ? "the virtual server name is unknown (no usable cluster hive)" : "the node name is unknown"));
        }
        List<Finding> out = new ArrayList<>();
        String server = c.options().expectServer();
        if (server != null && !server.equalsIgnoreCase(expected)) {
            out.add(Finding.fail(Rule.REG_08, "--expect-server", expected, expSrc, server,
                    Source.option("--expect-server"), "The backup is from " + server + "; this "
                            + (vname.isPresent() ? "cluster's Exchange virtual server" : "server") + " is " + expected
                            + ". Restore only to a server installed with the same name (KB Q238063)."));
        }
        List<Optional<RegValue>> names = List.of(v.value(SA, "Server"), v.value(IS_SYSTEM, "This Server"));
        for (Optional<RegValue> n : names) {
            if (n.isEmpty()) {
                continue;
            }
            RegValue val = n.get();
            String obj = val.source().location();
            if (val.text().equals(expected)) {
                out.add(Finding.pass(Rule.REG_08, obj, expected, expSrc, val.text(), val.source()));
            } else if (val.text().equalsIgnoreCase(expected)) {
                out.add(Finding.warn(Rule.REG_08, Severity.WARN, obj, expected, expSrc, val.text(), val.source(),
                        "Names differ in case only; Exchange directory names are case-sensitive (KB Q299676)."));
            } else {
                out.add(Finding.fail(Rule.REG_08, obj, expected, expSrc, val.text(), val.source(),
                        "Exchange here is installed as " + val.text() + "; the "
                                + (vname.isPresent() ? "cluster's Exchange virtual server" : "server") + " is "
                                + expected + ". Restore only to a server installed with the same name (KB Q238063); "
                                + "do not edit these values to rename a server."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.REG_08, "no SA Server or IS This Server value"));
        }
        return out;
    }

    private static List<Finding> reg09(CheckContext c, SystemView v) {
        List<Finding> out = new ArrayList<>();
        for (String svc : List.of("MSExchangeSA", "MSExchangeDS", "MSExchangeIS", "MSExchangeMTA")) {
            Optional<RegValue> start = v.value("Services\\" + svc, "Start");
            if (start.isEmpty()) {
                continue;
            }
            long st = start.get().dword();
            String obj = "Services\\" + svc + " : Start";
            if (c.isCluster()) {
                if (st == 4) {
                    out.add(Finding.fail(Rule.REG_09, obj, "3 (manual; the cluster starts it)", Source.NONE,
                            start.get().shown() + " (disabled)", start.get().source(), Rule.REG_09.remedy()));
                } else {
                    out.add(Finding.pass(Rule.REG_09, obj, "not 4 (disabled)", Source.NONE, start.get().shown(),
                            start.get().source()));
                }
            } else if (st == 4) {
                out.add(Finding.warn(Rule.REG_09, Severity.WARN, obj, "2 or 3 once the restore is complete",
                        Source.NONE, start.get().shown() + " (disabled)", start.get().source(),
                        "Set the service back to Automatic after the restore (KB Q296229)."));
            } else {
                out.add(Finding.pass(Rule.REG_09, obj, "not disabled", Source.NONE, start.get().shown(),
                        start.get().source()));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.REG_09, "no Exchange service Start values"));
        }
        return out;
    }
}
