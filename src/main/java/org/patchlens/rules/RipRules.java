package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** RIP: the online restore and its Restore in Progress key. */
final class RipRules {
    /** The value names of the key and the types they must have (KB Q200941). */
    private static final String[][] VALUES = {
        {"LowLog Number", "4"}, {"HighLog Number", "4"}, {"EDB_RstMap", "7"}, {"EDB_RstMap Size", "4"},
        {"LogPath", "1"}, {"BackupLogPath", "1"}, {"CheckpointFilePath", "1"}, {"EDB Database recovered", "3"},
    };

    private RipRules() {
    }

    /** The Restore in Progress keys present, IS first. */
    record Rip(String service, Key key, String file) {
        String path() {
            return key.path().substring(1);
        }

        Optional<RegValue> value(String name) {
            Value v = key.value(name);
            return v == null ? Optional.empty() : Optional.of(RegValue.of(file, path(), key, v));
        }

        Source keySource() {
            return new Source(file, path(), key.fileOffset());
        }
    }

    static List<Rip> rips(CheckContext c) {
        List<Rip> out = new ArrayList<>();
        if (c.system().isEmpty()) {
            return out;
        }
        for (String svc : List.of("MSExchangeIS", "MSExchangeDS")) {
            Key k = c.restoreInProgress(svc);
            if (k != null) {
                out.add(new Rip(svc, k, c.system().get().file()));
            }
        }
        return out;
    }

    static List<Finding> evaluate(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        List<Rip> rips = rips(c);
        out.addAll(rip01(c, rips));
        if (rips.isEmpty()) {
            for (Rule r : List.of(Rule.RIP_02, Rule.RIP_03, Rule.RIP_04, Rule.RIP_05, Rule.RIP_06, Rule.RIP_07)) {
                out.add(c.restore() == Effective.ONLINE ? Finding.skipped(r, "no Restore in Progress key")
                        : Finding.notApplicable(r, "no Restore in Progress key (" + c.restore().label() + " restore)"));
            }
            return out;
        }
        for (Rip rip : rips) {
            out.addAll(rip02(rip));
            out.addAll(rip03(c, rip));
        }
        for (Rip rip : rips) {
            out.addAll(rip04(c, rip));
            out.addAll(rip05(c, rip));
            out.addAll(rip06(c, rip));
        }
        out.addAll(rip07(c, rips));
        return out;
    }

    private static List<Finding> rip01(CheckContext c, List<Rip> rips) {
        if (c.system().isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_01, "no SYSTEM hive"));
        }
        if (c.options().restoreType() == CheckOptions.RestoreType.AUTO) {
            return List.of(Finding.skipped(Rule.RIP_01, "restore type not given (--restore-type); AUTO decides it from "
                    + "this very key"));
        }
        SystemView v = c.system().get();
        String where = v.controlSetName() + "\\Services\\MSExchangeIS|MSExchangeDS\\Restore in Progress";
        if (c.restore() == Effective.ONLINE) {
            if (rips.isEmpty()) {
                return List.of(Finding.fail(Rule.RIP_01, "Restore in Progress", "present (online restore)",
                        Source.option("--restore-type"), "absent", new Source(v.file(), where, -1),
                        "Run the online restore again (do not start from Cluster Administrator), or re-create the key "
                                + "from the worksheet in KB Q200941."));
            }
            List<Finding> out = new ArrayList<>();
            for (Rip r : rips) {
                out.add(Finding.pass(Rule.RIP_01, r.path(), "present (online restore)", Source.option("--restore-type"),
                        "present as \"" + r.key().name() + "\"", r.keySource()));
            }
            return out;
        }
        if (rips.isEmpty()) {
            return List.of(Finding.pass(Rule.RIP_01, "Restore in Progress", "absent (offline restore)",
                    Source.option("--restore-type"), "absent", new Source(v.file(), where, -1)));
        }
        List<Finding> out = new ArrayList<>();
        for (Rip r : rips) {
            out.add(Finding.fail(Rule.RIP_01, r.path(), "absent (offline restore)", Source.option("--restore-type"),
                    "present", r.keySource(), "Export the key with regedit, then delete `" + r.path()
                            + "` before starting (KB Q181795, Q200941)."));
        }
        return out;
    }

    private static List<Finding> rip02(Rip rip) {
        List<String> defects = new ArrayList<>();
        for (String[] v : VALUES) {
            Optional<RegValue> val = rip.value(v[0]);
            if (val.isEmpty()) {
                defects.add(v[0] + " missing");
            } else if (val.get().typeCode() != Long.parseLong(v[1])) {
                defects.add(v[0] + " is " + org.patchlens.hive.ValueType.name(val.get().typeCode()) + ", expected "
                        + org.patchlens.hive.ValueType.name(Long.parseLong(v[1])));
            }
        }
        Optional<RegValue> size = rip.value("EDB_RstMap Size");
        Optional<RegValue> map = rip.value("EDB_RstMap");
        long n = size.map(RegValue::dword).orElse(-1L);
        if (size.isPresent() && n != 1 && n != 2) {
            defects.add("EDB_RstMap Size is " + size.get().text() + ", expected 1 or 2");
        }
        if (map.isPresent() && map.get().typeCode() == 7) {
            List<String> lines = map.get().lines();
            if (n > 0 && lines.size() != 2 * n) {
                defects.add("EDB_RstMap has " + lines.size() + " lines, expected 2 x " + n);
            }
            for (String line : lines) {
                WinPath p = WinPath.of(line);
                if (line.isBlank() || p.server().isEmpty() || !p.isAbsoluteLocal()
                        || !p.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".edb")) {
                    defects.add("EDB_RstMap line \"" + line + "\" is not \\\\server\\X$\\...\\name.EDB");
                }
            }
        }
        rip.value("EDB Database recovered").ifPresent(r -> {
            if (r.data().length != 1 || (r.data()[0] != 0 && r.data()[0] != 1)) {
                defects.add("EDB Database recovered is " + r.text() + ", expected one byte 00 or 01");
            }
        });
        Optional<RegValue> low = rip.value("LowLog Number");
        Optional<RegValue> high = rip.value("HighLog Number");
        if (low.isPresent() && high.isPresent() && low.get().dword() > high.get().dword()) {
            defects.add("LowLog Number " + low.get().text() + " is above HighLog Number " + high.get().text());
        }
        if (defects.isEmpty()) {
            return List.of(Finding.pass(Rule.RIP_02, rip.path(), "every value present, typed and well-formed",
                    Source.NONE, "well-formed", rip.keySource()));
        }
        List<Finding> out = new ArrayList<>();
        for (String d : defects) {
            out.add(Finding.fail(Rule.RIP_02, rip.path(), "well-formed (KB Q200941)", Source.NONE, d, rip.keySource(),
                    "The key is malformed; the store will stop with 1081/0x57. Restore again so the backup program "
                            + "rewrites it, or correct the value (KB Q232705)."));
        }
        return out;
    }

    private static List<Finding> rip03(CheckContext c, Rip rip) {
        Optional<RegValue> map = rip.value("EDB_RstMap");
        if (map.isEmpty() || map.get().typeCode() != 7) {
            return List.of(Finding.skipped(Rule.RIP_03, rip.path() + ": no usable EDB_RstMap (RIP-02)"));
        }
        SystemView v = c.system().get();
        List<RegValue> registered = new ArrayList<>();
        if (rip.service().equals("MSExchangeIS")) {
            v.value(RegRules.IS_PRIVATE, "DB Path").ifPresent(registered::add);
            v.value(RegRules.IS_PUBLIC, "DB Path").ifPresent(registered::add);
        } else {
            v.value(RegRules.DS, "DSA Database file").ifPresent(registered::add);
        }
        if (registered.isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_03, "no registered database path for " + rip.service()));
        }
        List<String> lines = map.get().lines();
        List<Finding> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 2) {
            WinPath after = WinPath.of(lines.get(i));
            RegValue match = registered.stream().filter(r -> WinPath.sameFileName(WinPath.of(r.text()).fileName(),
                    after.fileName())).findFirst().orElse(null);
            String obj = rip.path() + " : EDB_RstMap line " + (i + 1);
            if (match == null) {
                out.add(Finding.fail(Rule.RIP_03, obj, "one of the registered database paths", registered.get(0)
                        .source(), lines.get(i), map.get().source(), "The restore will write/replay into "
                        + lines.get(i) + ", but no registered database has that name. Restore again to the registered "
                        + "paths."));
            } else if (!after.sameLocal(WinPath.of(match.text()))) {
                out.add(Finding.fail(Rule.RIP_03, obj, WinPath.of(match.text()).local(), match.source(),
                        lines.get(i) + " (local " + after.local() + ")", map.get().source(), "The restore will "
                                + "write/replay into " + after.local() + ", but the store opens " + match.text()
                                + ". Restore again to the registered paths."));
            } else {
                out.add(Finding.pass(Rule.RIP_03, obj, WinPath.of(match.text()).local(), match.source(),
                        lines.get(i), map.get().source()));
            }
        }
        return out;
    }

    private static long dword(Rip rip, String name) {
        return rip.value(name).map(RegValue::dword).orElse(-1L);
    }

    private static List<Finding> rip04(CheckContext c, Rip rip) {
        Optional<RegValue> map = rip.value("EDB_RstMap");
        long low = dword(rip, "LowLog Number");
        long high = dword(rip, "HighLog Number");
        StoreView s = c.store();
        var set = s.logSet(rip.service().equals("MSExchangeDS"));
        List<StoreView.Item<org.patchlens.ese.LogHeader>> tape = set.map(StoreView.LogSet::replayLogs)
                .orElse(List.of()).stream().filter(l ->
                l.header().generation() >= low && l.header().generation() <= high).toList();
        if (map.isEmpty() || map.get().typeCode() != 7 || low < 0 || high < 0) {
            return List.of(Finding.skipped(Rule.RIP_04, rip.path() + ": no usable EDB_RstMap or log range (RIP-02)"));
        }
        if (tape.stream().allMatch(l -> l.header().attachments().isEmpty())) {
            return List.of(Finding.skipped(Rule.RIP_04, "no attach lists in the headers of logs " + low + " to " + high
                    + (tape.isEmpty() ? " (none present)" : " (ESE97 binary logs do not record them; supply eseutil /ml "
                    + "output)")));
        }
        List<String> lines = map.get().lines();
        List<WinPath> before = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 2) {
            before.add(WinPath.of(lines.get(i)));
        }
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var l : tape) {
            for (var a : l.header().attachments()) {
                WinPath p = WinPath.of(a.path());
                if (!seen.add(p.local().toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                boolean fileInMap = before.stream().anyMatch(b -> WinPath.sameFileName(b.fileName(), p.fileName()));
                boolean dir = p.fileName().equalsIgnoreCase("dir.edb");
                boolean otherService = rip.service().equals("MSExchangeIS") ? dir : !dir;
                if (otherService && !fileInMap) {
                    continue; // another service's database
                }
                Optional<WinPath> match = before.stream().filter(b -> b.sameLocal(p)).findFirst();
                Optional<WinPath> sameName = before.stream().filter(b -> WinPath.sameFileName(b.fileName(),
                        p.fileName())).findFirst();
                Source logSrc = l.source("attached database path", a.fileOffset());
                String obj = rip.path() + " : EDB_RstMap before-line for " + p.fileName();
                if (match.isPresent()) {
                    out.add(Finding.pass(Rule.RIP_04, obj, p.local(), logSrc, match.get().local(), map.get().source()));
                } else {
                    List<String> skipped = tape.stream().filter(x -> x.header().attachments().stream().anyMatch(
                            y -> WinPath.of(y.path()).sameLocal(p))).map(StoreView.Item::fileName).toList();
                    String actual = sameName.map(WinPath::local).orElse("no line for " + p.fileName());
                    out.add(Finding.fail(Rule.RIP_04, obj, p.local(), logSrc, actual, map.get().source(),
                            "Logs " + String.join(", ", skipped) + " refer to " + p.local() + ", the map says "
                                    + actual + ": those logs will be skipped silently and their data lost "
                                    + "(KB Q262041). Do not start the store; save the logs and the original database; "
                                    + "restore again, or correct the before-line to exactly " + p.local()
                                    + " (UNC form) with extreme care."));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.RIP_04, "the tape logs attach no database of " + rip.service()));
        }
        return out;
    }

    private static List<Finding> rip05(CheckContext c, Rip rip) {
        StoreView s = c.store();
        if (s.patches().isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_05, "no patch file headers among the evidence"));
        }
        Optional<RegValue> low = rip.value("LowLog Number");
        Optional<RegValue> high = rip.value("HighLog Number");
        if (low.isEmpty() || high.isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_05, rip.path() + ": no LowLog/HighLog Number (RIP-02)"));
        }
        List<Finding> out = new ArrayList<>();
        boolean ds = rip.service().equals("MSExchangeDS");
        for (var p : s.patches()) {
            boolean dirPat = p.fileName().equalsIgnoreCase("dir.pat");
            if (dirPat != ds) {
                continue;
            }
            var b = p.header().backup();
            Source ps = p.source("Current Full Backup Log Gen", 40);
            String remedy = "LowLog must be " + b.genLow() + " (0x" + Long.toHexString(b.genLow()) + "), never any "
                    + "other number (KB Q200941); HighLog at least " + b.genHigh() + " (0x" + Long.toHexString(b.genHigh())
                    + "). Restore the backup sets again in chronological order.";
            if (low.get().dword() != b.genLow()) {
                out.add(Finding.fail(Rule.RIP_05, rip.path() + " : LowLog Number", b.genLow() + " (0x"
                        + Long.toHexString(b.genLow()) + ")", ps, low.get().dword() + " (0x"
                        + Long.toHexString(low.get().dword()) + ")", low.get().source(), remedy));
            } else if (high.get().dword() < b.genHigh()) {
                out.add(Finding.fail(Rule.RIP_05, rip.path() + " : HighLog Number", ">= " + b.genHigh(), ps,
                        Long.toString(high.get().dword()), high.get().source(), remedy));
            } else {
                out.add(Finding.pass(Rule.RIP_05, rip.path() + " : LowLog/HighLog", b.genLow() + "-" + b.genHigh()
                        + " of " + p.fileName(), ps, low.get().dword() + "-" + high.get().dword(), low.get().source()));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.RIP_05, "no patch file of " + rip.service()));
        }
        return out;
    }

    private static List<Finding> rip06(CheckContext c, Rip rip) {
        StoreView s = c.store();
        long low = dword(rip, "LowLog Number");
        long high = dword(rip, "HighLog Number");
        if (low < 0 || high < 0) {
            return List.of(Finding.skipped(Rule.RIP_06, rip.path() + ": no LowLog/HighLog Number (RIP-02)"));
        }
        var set = s.logSet(rip.service().equals("MSExchangeDS"));
        if (set.isEmpty() || set.get().replayLogs().isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_06, "no log headers of " + rip.service() + " among the evidence"));
        }
        List<Finding> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (long g = low; g <= high && missing.size() < 1000; g++) {
            if (set.get().generation(g).isEmpty()) {
                missing.add(EseRules.logName(g));
            }
        }
        Optional<StoreView.Item<org.patchlens.ese.LogHeader>> first = set.get().generation(low);
        org.patchlens.ese.Signature sig = first.map(l -> l.header().logSignature()).orElse(null);
        List<String> foreign = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        long next = high + 1;
        for (var l : set.get().replayLogs()) {
            long g = l.header().generation();
            var ls = l.header().logSignature();
            if (sig != null && ls != null && !ls.isZero() && !sig.isZero() && !ls.sameAs(sig)) {
                foreign.add(l.fileName());
            } else if (g > high) {
                if (g == next) {
                    next++;
                } else {
                    extra.add(l.fileName());
                }
            } else if (g < low) {
                extra.add(l.fileName());
            }
        }
        String remedy = (missing.isEmpty() ? "" : "Missing: " + String.join(", ", missing) + "; restore them from tape. ")
                + "Move aside " + (foreign.isEmpty() && extra.isEmpty() ? "any logs outside the range"
                : String.join(", ", foreign) + (foreign.isEmpty() || extra.isEmpty() ? "" : ", ")
                + String.join(", ", extra)) + " (KB Q269782) and edb.chk (KB Q296229) before starting.";
        if (!missing.isEmpty()) {
            out.add(Finding.fail(Rule.RIP_06, "tape logs " + low + "-" + high, "every generation present", Source.NONE,
                    "missing " + String.join(", ", missing) + " (error 3355443765)", Source.NONE, remedy));
        }
        if (!foreign.isEmpty()) {
            out.add(Finding.fail(Rule.RIP_06, "tape log signatures", StoreView.show(sig),
                    first.map(l -> l.source("Signature", 44)).orElse(Source.NONE), "different in "
                            + String.join(", ", foreign), Source.NONE, remedy));
        }
        if (!extra.isEmpty()) {
            out.add(Finding.warn(Rule.RIP_06, Severity.WARN, "logs outside the range", "only LowLog..HighLog and "
                    + "consecutive later logs", Source.NONE, String.join(", ", extra), Source.NONE, remedy));
        }
        for (var k : s.checkpoints()) {
            out.add(Finding.warn(Rule.RIP_06, Severity.WARN, k.name(), "no edb.chk in the working folder",
                    Source.NONE, "present", k.source("file", -1), remedy));
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.RIP_06, "tape logs " + low + "-" + high, "present, one signature", Source.NONE,
                    (high - low + 1) + " logs", Source.NONE));
        }
        return out;
    }

    private static List<Finding> rip07(CheckContext c, List<Rip> rips) {
        int runs = c.options().isintegRuns();
        List<Finding> out = new ArrayList<>();
        for (Rip rip : rips) {
            Optional<RegValue> rec = rip.value("EDB Database recovered");
            if (rec.isPresent() && rec.get().data().length == 1 && rec.get().data()[0] == 1) {
                out.add(Finding.pass(Rule.RIP_07, rip.path(), "first start done", Source.NONE,
                        "EDB Database recovered = 01", rec.get().source()));
                continue;
            }
            for (var d : c.store().databases()) {
                String base = d.fileName().replaceAll("(?i)\\.edb$", "");
                var pat = c.store().patches().stream().filter(p -> p.fileName().replaceAll("(?i)\\.pat$", "")
                        .equalsIgnoreCase(base)).findFirst();
                if (d.header().cleanShutdown() && pat.isPresent() && pat.get().evidence().size() > EseRules.EMPTY_PATCH) {
                    out.add(Finding.fail(Rule.RIP_07, d.name(), "Inconsistent (the first start has not happened)",
                            Source.NONE, d.header().stateName() + " while " + pat.get().fileName() + " holds "
                                    + pat.get().evidence().size() + " bytes: a soft recovery already ran",
                            d.source("State", 52), Rule.RIP_07.remedy()));
                }
            }
            if (runs > 0) {
                out.add(Finding.fail(Rule.RIP_07, rip.path(), "isinteg -patch not run before the first start",
                        Source.NONE, "--isinteg-runs " + runs, Source.option("--isinteg-runs"),
                        Rule.RIP_07.remedy()));
            } else if (runs == 0) {
                out.add(Finding.pass(Rule.RIP_07, rip.path(), "isinteg -patch not run before the first start",
                        Source.NONE, "--isinteg-runs 0", Source.option("--isinteg-runs")));
            } else {
                out.add(Finding.skipped(Rule.RIP_07, "--isinteg-runs not given and no database headers to show the "
                        + "state").withDetail("Do not run isinteg -patch or eseutil /r before the first start after an "
                        + "online restore (KB Q231299)."));
            }
        }
        return out;
    }
}
