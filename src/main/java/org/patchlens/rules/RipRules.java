package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

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
        out.add(Finding.skipped(Rule.RIP_04, "no log header attach lists among the evidence"));
        out.add(Finding.skipped(Rule.RIP_05, "no patch file headers among the evidence"));
        out.add(Finding.skipped(Rule.RIP_06, "no log file headers among the evidence"));
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
