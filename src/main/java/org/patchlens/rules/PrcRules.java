package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** PRC: the procedure the administrator follows (the SET line, isinteg, how the store is started). */
final class PrcRules {
    static final String VARIABLE = "_CLUSTER_NETWORK_NAME_";
    private static final Pattern VERSION = Pattern.compile("5\\.5\\.(\\d{4})\\.(\\d+)");

    private PrcRules() {
    }

    static List<Finding> evaluate(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        Finding p1 = prc01(c);
        out.add(p1);
        out.add(prc02(c, p1));
        out.add(prc03(c));
        out.add(prc04(c));
        out.add(prc05(c));
        out.add(prc06(c));
        return out;
    }

    /** Whether isinteg -patch is to be run here: a cluster with an offline restore. */
    private static String notApplicable(CheckContext c) {
        if (!c.isCluster()) {
            return "stand-alone server: isinteg sees the right name without the variable";
        }
        if (c.restore() == Effective.ONLINE) {
            return "online restore: isinteg -patch is not run (RIP-07)";
        }
        return null;
    }

    /** The variable-name problem of a SET line, or null if it is spelt right. */
    static String spellingDefect(String line) {
        String t = line.trim();
        if (t.toLowerCase(Locale.ROOT).startsWith("setx")) {
            return "SETX stores the variable permanently" + (t.toLowerCase(Locale.ROOT).contains("/m")
                    ? " and /M makes it a system variable for every process on the node" : "")
                    + "; type SET in the prompt that runs isinteg";
        }
        Matcher m = Pattern.compile("(?i)^set\\s+(.*)$").matcher(t);
        if (!m.matches()) {
            return "the line does not start with SET";
        }
        String rest = m.group(1);
        int eq = rest.indexOf('=');
        if (eq < 0) {
            return "no '=' in the line";
        }
        String name = rest.substring(0, eq);
        String value = rest.substring(eq + 1);
        if (name.endsWith(" ") || name.endsWith("\t")) {
            return "space before '=' (it becomes part of the variable name)";
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.equals(VARIABLE)) {
            if (upper.equals("_CLUSTER_NETWORK_NAME")) {
                return "missing trailing underscore (" + name + ")";
            }
            if (upper.equals("CLUSTER_NETWORK_NAME_")) {
                return "missing leading underscore (" + name + ")";
            }
            return "the variable is " + name + ", not " + VARIABLE;
        }
        if (value.isEmpty()) {
            return "empty value";
        }
        if (value.startsWith("\"") || value.endsWith("\"")) {
            return "quotes around the value (they become part of it)";
        }
        if (!value.equals(value.strip())) {
            return "spaces around the value (they become part of it)";
        }
        return null;
    }

    static String value(String line) {
        String t = line.trim();
        int eq = t.indexOf('=');
        return eq < 0 ? "" : t.substring(eq + 1);
    }

    private static Finding prc01(CheckContext c) {
        String na = notApplicable(c);
        if (na != null) {
            return Finding.notApplicable(Rule.PRC_01, na);
        }
        String line = c.options().envLine();
        if (line == null) {
            return Finding.skipped(Rule.PRC_01, "--env-line not given (IN-06)");
        }
        String vname = c.virtualServer().orElse("<VNAME>");
        Source opt = Source.option("--env-line");
        String expected = "SET " + VARIABLE + "=" + vname;
        if (line.trim().equalsIgnoreCase("none")) {
            return Finding.skipped(Rule.PRC_01, "--env-line none: no line to check (PRC-02 reports it)");
        }
        String defect = spellingDefect(line);
        String remedy = "In the same command prompt type exactly `SET " + VARIABLE + "=" + vname
                + "` and then `isinteg -patch` (KB Q280770).";
        if (defect != null) {
            return Finding.fail(Rule.PRC_01, "--env-line", expected, c.virtualServerSource().orElse(Source.NONE),
                    line + "  (" + defect + ")", opt, remedy);
        }
        String typedName = line.trim().substring(3).trim();
        typedName = typedName.substring(0, typedName.indexOf('='));
        if (!typedName.equals(VARIABLE)) {
            return Finding.warn(Rule.PRC_01, Severity.WARN, "--env-line", expected, Source.NONE, line, opt,
                    "Type the variable name in upper case as KB Q178311 instructs (Windows ignores the case).");
        }
        return Finding.pass(Rule.PRC_01, "--env-line", "SET " + VARIABLE + "=<value>", Source.NONE, line, opt);
    }

    private static Finding prc02(CheckContext c, Finding p1) {
        String na = notApplicable(c);
        if (na != null) {
            return Finding.notApplicable(Rule.PRC_02, na);
        }
        String line = c.options().envLine();
        if (line == null) {
            return Finding.skipped(Rule.PRC_02, "--env-line not given (IN-06)");
        }
        Optional<String> vname = c.virtualServer();
        if (vname.isEmpty()) {
            return Finding.skipped(Rule.PRC_02, "virtual server name unknown (no usable cluster hive)");
        }
        Source vs = c.virtualServerSource().orElse(Source.NONE);
        Source opt = Source.option("--env-line");
        String remedy = "`SET " + VARIABLE + "=" + vname.get() + "` - the Name on the Parameters tab of the Exchange "
                + "group's Network Name resource - then `isinteg -patch` (KB Q178311).";
        String node = c.node().map(RegValue::text).orElse(null);
        if (line.trim().equalsIgnoreCase("none")) {
            return Finding.fail(Rule.PRC_02, VARIABLE, vname.get(), vs, "not set: isinteg will see "
                    + (node == null ? "the node name" : node) + " (JET_errKeyDuplicate)", opt, remedy);
        }
        if (p1.status() == Status.FAIL) {
            return Finding.skipped(Rule.PRC_02, "PRC-01 failed on the line: the value never reaches isinteg");
        }
        String value = value(line);
        if (value.equalsIgnoreCase(vname.get())) {
            return Finding.pass(Rule.PRC_02, VARIABLE, vname.get(), vs, value, opt);
        }
        String what = node != null && value.equalsIgnoreCase(node) ? " (the node name: isinteg fails with "
                + "JET_errKeyDuplicate, KB Q178311)" : value.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") ? " (an IP address)"
                : "";
        return Finding.fail(Rule.PRC_02, VARIABLE, vname.get(), vs, value + what, opt, remedy);
    }

    private static Finding prc03(CheckContext c) {
        if (c.system().isEmpty() || c.system().get().controlSet() == null) {
            return Finding.skipped(Rule.PRC_03, "no SYSTEM hive");
        }
        SystemView v = c.system().get();
        Key env = v.key("Control\\Session Manager\\Environment");
        if (env == null) {
            return Finding.pass(Rule.PRC_03, "Session Manager\\Environment", "no " + VARIABLE, Source.NONE,
                    "no Environment key", Source.NONE);
        }
        String rel = v.controlSetName() + "\\Control\\Session Manager\\Environment";
        for (Value val : env.values()) {
            String n = val.name().toUpperCase(Locale.ROOT).replace(" ", "");
            if (n.contains("CLUSTER_NETWORK_NAME") || n.contains("CLUSTERNETWORKNAME")) {
                RegValue r = RegValue.of(v.file(), rel, env, val);
                return Finding.fail(Rule.PRC_03, rel + " : " + val.name(), "absent (set only in the prompt)",
                        Source.NONE, r.shown(), r.source(), Rule.PRC_03.remedy());
            }
        }
        return Finding.pass(Rule.PRC_03, rel, "no " + VARIABLE, Source.NONE, "absent",
                new Source(v.file(), rel, env.fileOffset()));
    }

    /** The build of an Exchange 5.5 service pack, from "SP4", "4" or "2653". */
    static int build(String sp) {
        String s = sp.trim().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "RTM", "SP0", "0" -> 1960;
            case "SP1", "1" -> 2232;
            case "SP2", "2" -> 2448;
            case "SP3", "3" -> 2650;
            case "SP4", "4" -> 2653;
            default -> s.matches("\\d{4}") ? Integer.parseInt(s) : -1;
        };
    }

    static String spName(int build) {
        if (build >= 2653) {
            return "SP4";
        }
        if (build >= 2650) {
            return "SP3";
        }
        if (build >= 2448) {
            return "SP2";
        }
        if (build >= 2232) {
            return "SP1";
        }
        return build >= 1960 ? "RTM" : "unknown";
    }

    private static Finding prc04(CheckContext c) {
        String iv = c.options().isintegVersion();
        int exBuild = -1;
        Source exSrc = Source.NONE;
        if (c.options().exchangeSp() != null) {
            exBuild = build(c.options().exchangeSp());
            exSrc = Source.option("--exchange-sp");
        } else if (c.software().isPresent()) {
            var k = c.software().get().key("Microsoft\\Exchange\\Setup");
            var v = k == null ? null : k.value("NewestBuild");
            if (v != null && v.data().length == 4) {
                byte[] d = v.data();
                exBuild = (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFF) << 24;
                exSrc = new Source(c.evidence(org.patchlens.evidence.EvidenceKind.SOFTWARE_HIVE).get(0).name(),
                        "Microsoft\\Exchange\\Setup : NewestBuild", v.fileOffset());
            }
        }
        if (iv == null && exBuild < 0) {
            return Finding.skipped(Rule.PRC_04, "neither --isinteg-version nor an Exchange build is known");
        }
        if (!c.isCluster()) {
            return Finding.notApplicable(Rule.PRC_04, "stand-alone server (the checkpoint rollback needs a cluster)");
        }
        Matcher m = iv == null ? null : VERSION.matcher(iv.trim());
        int ib = m != null && m.matches() ? Integer.parseInt(m.group(1)) : -1;
        int ip = m != null && m.matches() ? Integer.parseInt(m.group(2)) : -1;
        String remedy = Rule.PRC_04.remedy();
        if (ib == 2654 && exBuild >= 0 && exBuild < 2653) {
            return Finding.fail(Rule.PRC_04, "Exchange build", ">= 2653 (SP4) for isinteg 5.5.2654.x", Source.NONE,
                    exBuild + " (" + spName(exBuild) + ")", exSrc, remedy);
        }
        if (ib >= 0 && (ib < 2654 || (ib == 2654 && ip < 62))) {
            return Finding.fail(Rule.PRC_04, "isinteg version", ">= 5.5.2654.62 (KB Q288562)", Source.NONE, iv
                    + (exBuild >= 0 ? " on build " + exBuild + " (" + spName(exBuild) + ")" : ""),
                    Source.option("--isinteg-version"), remedy);
        }
        if (exBuild >= 0 && exBuild < 2653) {
            return Finding.fail(Rule.PRC_04, "Exchange build", ">= 2653 (SP4)", Source.NONE, exBuild + " ("
                    + spName(exBuild) + ")", exSrc, remedy);
        }
        return Finding.pass(Rule.PRC_04, "isinteg and Exchange build", "isinteg >= 5.5.2654.62 on SP4", Source.NONE,
                (iv == null ? "" : "isinteg " + iv) + (exBuild >= 0 ? " build " + exBuild + " (" + spName(exBuild) + ")"
                        : ""), iv != null ? Source.option("--isinteg-version") : exSrc);
    }

    private static Finding prc05(CheckContext c) {
        if (!c.isCluster()) {
            return Finding.notApplicable(Rule.PRC_05, "stand-alone server");
        }
        if (c.options().startVia() == null) {
            return Finding.skipped(Rule.PRC_05, "--start-via not given (the remedy is printed by CLU-08/CLU-09)");
        }
        boolean rip = !RipRules.rips(c).isEmpty();
        boolean needsServices = rip || c.restore().offline();
        if (needsServices && c.options().startVia() == CheckOptions.StartVia.CLUSTER_ADMIN) {
            return Finding.fail(Rule.PRC_05, "first start", "net start from the service controller", Source.NONE,
                    "Cluster Administrator", Source.option("--start-via"), Rule.PRC_05.remedy());
        }
        return Finding.pass(Rule.PRC_05, "first start", needsServices ? "the service controller" : "either",
                Source.NONE, c.options().startVia().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                Source.option("--start-via"));
    }

    private static Finding prc06(CheckContext c) {
        int runs = c.options().isintegRuns();
        if (runs < 0) {
            return Finding.skipped(Rule.PRC_06, "--isinteg-runs not given");
        }
        Source opt = Source.option("--isinteg-runs");
        String vname = c.virtualServer().orElse("<VNAME>");
        String remedy = "With SA and DS online and the IS stopped: `SET " + VARIABLE + "=" + vname
                + "`, `cd /d <exchsrvr>\\bin`, `isinteg -patch`, then start the IS as in PRC-05. Run it once; if the "
                + "store asks again, fix the checkpoint drift (CLU-08) instead of re-running (KB Q149238, Q288562).";
        if (c.restore() == Effective.ONLINE) {
            return runs == 0 ? Finding.pass(Rule.PRC_06, "isinteg -patch runs", "0 (online restore)", Source.NONE, "0",
                    opt) : Finding.fail(Rule.PRC_06, "isinteg -patch runs", "0 (online restore)", Source.NONE,
                    Integer.toString(runs), opt, Rule.RIP_07.remedy());
        }
        if (!c.restore().offline()) {
            return Finding.skipped(Rule.PRC_06, "restore type unknown");
        }
        if (runs > 1) {
            return Finding.fail(Rule.PRC_06, "isinteg -patch runs", "1", Source.NONE, runs + " (repeated patch "
                    + "requests are a symptom of checkpoint rollback, see CLU-08, KB Q185942/Q288562)", opt, remedy);
        }
        return Finding.pass(Rule.PRC_06, "isinteg -patch runs", "1 (0 until the store asks with 1087/1011/7202)",
                Source.NONE, Integer.toString(runs), opt).withDetail(runs == 0 ? "run it only after event "
                + "1087/1011/7202 appears" : "");
    }
}
