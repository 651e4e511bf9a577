package org.patchlens.rules;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveHeader;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** IN: evidence and inputs. */
final class InRules {
    private static final List<String> EXCHANGE_SERVICES = List.of("MSExchangeIS", "MSExchangeDS", "MSExchangeSA",
            "MSExchangeMTA");

    private InRules() {
    }

    static List<Finding> evaluate(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        out.add(in01(c));
        out.addAll(in02(c));
        out.addAll(in03(c));
        out.add(in04(c));
        out.addAll(in05(c));
        out.addAll(in06(c));
        out.addAll(in07(c));
        return out;
    }

    private static Finding in01(CheckContext c) {
        long sys = c.evidence(EvidenceKind.SYSTEM_HIVE).size();
        long store = c.evidence().stream().filter(e -> switch (e.kind()) {
            case ESE_DATABASE, ESE_PATCH, ESE_CHECKPOINT, ESE_LOG, ESEUTIL_TEXT -> true;
            default -> false;
        }).count();
        String actual = sys + " SYSTEM hive(s), " + store + " store file(s)";
        String expected = ">= 1 SYSTEM hive, >= 1 store file (database, log, patch, checkpoint or eseutil text)";
        if (sys >= 1 && store >= 1) {
            return Finding.pass(Rule.IN_01, "evidence inventory", expected, Source.NONE, actual, Source.NONE);
        }
        return Finding.fail(Rule.IN_01, "evidence inventory", expected, Source.NONE, actual, Source.NONE,
                Rule.IN_01.remedy());
    }

    private static List<Finding> in02(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        for (Evidence e : c.evidence()) {
            Source src = new Source(e.name(), "file", -1);
            String named = namedKind(e.path().getFileName().toString());
            if (e.kind() == EvidenceKind.UNRELATED && !e.explicit()) {
                if (named != null) {
                    out.add(Finding.fail(Rule.IN_02, e.name(), "a " + EvidenceKind.valueOf(named).label()
                            + " (by its name)", src, e.detail(), src, "Re-copy " + e.name() + " with a byte-exact "
                            + "copy: its content is not a " + EvidenceKind.valueOf(named).label() + "."));
                }
                continue;
            }
            if (e.kind() == EvidenceKind.UNRELATED && e.explicit()) {
                out.add(Finding.fail(Rule.IN_02, e.name(), "a hive, an ESE header or eseutil output (named by an "
                        + "option)", src, e.detail(), src, "Check the option: " + e.name() + " is none of the "
                        + "evidence patchlens reads."));
                continue;
            }
            if (e.kind() == EvidenceKind.UNREADABLE || e.size() == 0 || !e.errors().isEmpty()) {
                out.add(Finding.fail(Rule.IN_02, e.name(), "a readable evidence file", Source.NONE,
                        "unreadable: " + String.join("; ", e.errors()), src,
                        "Re-copy " + e.name() + " with a byte-exact copy."));
                continue;
            }
            if (named != null && !named.equals(e.kind().name()) && !compatible(named, e.kind())) {
                out.add(Finding.fail(Rule.IN_02, e.name(), "content matching the name ("
                                + EvidenceKind.valueOf(named).label() + ")", src,
                        e.kind().label() + " (" + e.detail() + ")", src,
                        "Re-copy " + e.name() + " with a byte-exact copy; the content is a " + e.kind().label()
                                + ", not a " + EvidenceKind.valueOf(named).label() + "."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.IN_02, "every input", "readable, hashed, kind from content", Source.NONE,
                    c.evidence().stream().filter(e -> e.kind() != EvidenceKind.UNRELATED).count()
                            + " files identified", Source.NONE));
        }
        return out;
    }

    /** The kind a file's name suggests, or null when the name says nothing. */
    private static String namedKind(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.equals("system") || n.equals("system.alt") || n.equals("system.sav")) {
            return "SYSTEM_HIVE";
        }
        if (n.equals("software")) {
            return "SOFTWARE_HIVE";
        }
        if (n.equals("clusdb") || n.matches("chk[0-9a-f]*\\.tmp")) {
            return "CLUSTER_HIVE";
        }
        if (n.endsWith(".cpt")) {
            return "REGISTRY_CHECKPOINT";
        }
        if (n.endsWith(".edb")) {
            return "ESE_DATABASE";
        }
        if (n.endsWith(".pat")) {
            return "ESE_PATCH";
        }
        if (n.endsWith(".chk")) {
            return "ESE_CHECKPOINT";
        }
        if (n.matches("edb[0-9a-f]*\\.log|res[12]\\.log")) {
            return "ESE_LOG";
        }
        return null;
    }

    private static boolean compatible(String named, EvidenceKind actual) {
        // A .CPT outside a GUID folder is still a saved subtree; ESE kinds are told apart by the ESE reader.
        return named.equals("REGISTRY_CHECKPOINT") && actual == EvidenceKind.OTHER_HIVE;
    }

    private static List<Finding> in03(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        for (Evidence e : c.evidence()) {
            if (!e.kind().isHive()) {
                continue;
            }
            HiveHeader h;
            try (Hive hive = Hive.open(e.path())) {
                h = hive.header();
            } catch (RuntimeException ex) {
                continue; // IN-02 reports unreadable files
            }
            Source src = new Source(e.name(), "base block sequence numbers", 4);
            String actual = "primary " + h.primarySequenceNumber() + ", secondary " + h.secondarySequenceNumber()
                    + (h.checksumValid() ? "" : ", checksum INVALID");
            if (!h.dirty()) {
                continue;
            }
            var replay = c.replay(e.name());
            if (replay.isPresent() && replay.get().outcome() == org.patchlens.hive.ReplayLedger.Outcome.APPLIED) {
                out.add(Finding.pass(Rule.IN_03, e.name(), "clean, or recovered from its logs", Source.NONE,
                        actual + "; recovered: " + replay.get().result(), src).withDetail("the rules read the "
                        + "hive with its transaction logs applied, as Windows would load it"));
                continue;
            }
            String why = c.replayFailure(e.name()).map(r -> "log recovery failed: " + r)
                    .or(() -> replay.map(l -> "logs beside it: " + l.result()))
                    .orElse(hasLog(e) ? "" : "no transaction log beside it");
            out.add(Finding.fail(Rule.IN_03, e.name(), "equal sequence numbers, valid checksum", Source.NONE,
                    actual, src, "Supply `" + e.path().getFileName() + ".LOG` from the same folder, or copy the hive "
                            + "after a clean shutdown of the node.").withDetail(why + (why.isEmpty() ? "" : "; ")
                    + "the rules read the hive as found, which may be stale"));
        }
        if (out.isEmpty()) {
            boolean any = c.evidence().stream().anyMatch(e -> e.kind().isHive());
            out.add(any ? Finding.pass(Rule.IN_03, "every hive", "clean", Source.NONE, "clean", Source.NONE)
                    : Finding.skipped(Rule.IN_03, "no hive among the evidence"));
        }
        return out;
    }

    private static boolean hasLog(Evidence e) {
        for (String suffix : List.of(".LOG", ".log", ".LOG1", ".LOG2")) {
            if (Files.exists(e.path().resolveSibling(e.path().getFileName() + suffix))) {
                return true;
            }
        }
        return false;
    }

    private static Finding in04(CheckContext c) {
        Optional<SystemView> s = c.system();
        if (s.isEmpty()) {
            return Finding.skipped(Rule.IN_04, "no SYSTEM hive");
        }
        SystemView v = s.get();
        if (v.current() < 0) {
            return Finding.fail(Rule.IN_04, "Select\\Current", "a REG_DWORD naming a control set", Source.NONE,
                    "missing", v.currentSource(), Rule.IN_04.remedy());
        }
        String facts = "Current " + v.current() + ", Default " + v.defaultSet() + ", LastKnownGood "
                + v.lastKnownGood() + ", Failed " + v.failed() + " (CurrentControlSet is absent offline, as expected)";
        if (v.controlSet() == null) {
            return Finding.fail(Rule.IN_04, v.controlSetName(), v.controlSetName() + " present", v.currentSource(),
                    "missing", new Source(v.file(), v.controlSetName(), -1), Rule.IN_04.remedy()).withDetail(facts);
        }
        return Finding.pass(Rule.IN_04, "Select\\Current", v.controlSetName(), v.currentSource(),
                v.controlSetName() + " present", new Source(v.file(), v.controlSetName(), v.controlSet().fileOffset()))
                .withDetail(facts);
    }

    private static List<Finding> in05(CheckContext c) {
        Optional<SystemView> s = c.system();
        if (s.isEmpty() || s.get().controlSet() == null) {
            return List.of(Finding.skipped(Rule.IN_05, "IN-04 did not resolve the current control set"));
        }
        SystemView v = s.get();
        List<Long> others = new ArrayList<>();
        for (long n : new long[] {v.defaultSet(), v.lastKnownGood()}) {
            if (n >= 0 && n != v.current() && !others.contains(n) && v.keyIn(n, "") != null) {
                others.add(n);
            }
        }
        if (others.isEmpty()) {
            return List.of(Finding.pass(Rule.IN_05, "Exchange service keys", "one control set in use", Source.NONE,
                    "Default and LastKnownGood equal Current (" + v.current() + ")", v.currentSource()));
        }
        List<Finding> out = new ArrayList<>();
        for (long other : others) {
            for (String svc : EXCHANGE_SERVICES) {
                Key a = v.key("Services\\" + svc);
                Key b = v.keyIn(other, "Services\\" + svc);
                if (a == null && b == null) {
                    continue;
                }
                if (a == null || b == null) {
                    out.add(Finding.fail(Rule.IN_05, "Services\\" + svc, present(a, v.controlSetName()),
                            new Source(v.file(), v.controlSetName() + "\\Services\\" + svc, -1),
                            present(b, SystemView.controlSetName(other)),
                            new Source(v.file(), SystemView.controlSetName(other) + "\\Services\\" + svc, -1),
                            remedy05(v, other, "the whole " + svc + " key")));
                    continue;
                }
                org.patchlens.hive.HiveDiff.compare(b, a, ch -> {
                    if (ch.isKey() && ch.kind() == org.patchlens.hive.HiveDiff.Kind.CHANGED) {
                        return; // a different last-write time alone is not a different setting
                    }
                    String rel = ch.path().substring(ch.path().indexOf('\\', 1) + 1);
                    String obj = rel + (ch.isKey() ? "" : " : " + ch.valueName());
                    String inCur = ch.after() != null ? RegValue.of(v.file(), "", ch.keyAfter(), ch.after()).shown()
                            : ch.isKey() ? (ch.keyAfter() != null ? "key present" : "key absent") : "absent";
                    String inOther = ch.before() != null ? RegValue.of(v.file(), "", ch.keyBefore(), ch.before())
                            .shown() : ch.isKey() ? (ch.keyBefore() != null ? "key present" : "key absent") : "absent";
                    out.add(Finding.fail(Rule.IN_05, obj, inCur, new Source(v.file(), v.controlSetName() + "\\" + rel
                                    + (ch.isKey() ? "" : " : " + ch.valueName()), offset(ch.after())), inOther,
                            new Source(v.file(), SystemView.controlSetName(other) + "\\" + rel
                                    + (ch.isKey() ? "" : " : " + ch.valueName()), offset(ch.before())),
                            remedy05(v, other, obj)));
                });
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.IN_05, "Exchange service keys", "identical in every control set in use",
                    Source.NONE, "identical", Source.NONE));
        }
        return out;
    }

    private static long offset(Value v) {
        return v == null ? -1 : v.fileOffset();
    }

    private static String present(Key k, String set) {
        return k == null ? "absent in " + set : "present in " + set;
    }

    private static String remedy05(SystemView v, long other, String what) {
        return "The running configuration is " + v.controlSetName() + " (Select\\Current). "
                + SystemView.controlSetName(other) + " holds different Exchange values: " + what
                + ". Do not boot Last Known Good; fix values in the current set only.";
    }

    private static List<Finding> in06(CheckContext c) {
        CheckOptions o = c.options();
        List<Finding> out = new ArrayList<>();
        if (o.restoreType() == CheckOptions.RestoreType.AUTO) {
            out.add(Finding.fail(Rule.IN_06, "--restore-type", "online or offline", Source.option("--restore-type"),
                    "not given (decided from the evidence: " + c.restore().label() + ", " + c.restoreReason() + ")",
                    Source.option("--restore-type"), Rule.IN_06.remedy()));
        }
        if (o.envLine() != null && (o.envLine().contains("\n") || o.envLine().contains("\r"))) {
            out.add(Finding.fail(Rule.IN_06, "--env-line", "a single line", Source.option("--env-line"),
                    "several lines", Source.option("--env-line"), Rule.IN_06.remedy()));
        }
        if (o.isintegVersion() != null && !o.isintegVersion().trim().matches("5\\.5\\.\\d{4}\\.\\d+")) {
            out.add(Finding.fail(Rule.IN_06, "--isinteg-version", "5.5.NNNN.NN", Source.option("--isinteg-version"),
                    o.isintegVersion(), Source.option("--isinteg-version"),
                    "Give the version shown in the properties of exchsrvr\\bin\\isinteg.exe, e.g. 5.5.2654.62."));
        }
        Map<String, String> expects = new LinkedHashMap<>();
        expects.put("--expect-org", o.expectOrg());
        expects.put("--expect-site", o.expectSite());
        expects.put("--expect-server", o.expectServer());
        expects.forEach((k, val) -> {
            if (val != null && val.isBlank()) {
                out.add(Finding.fail(Rule.IN_06, k, "a name", Source.option(k), "empty", Source.option(k),
                        "Give " + k + " the exact (case-sensitive) name, or leave it out."));
            }
        });
        List<String> missing = new ArrayList<>();
        if (o.envLine() == null && c.isCluster()) {
            missing.add("--env-line (PRC-01, PRC-02)");
        }
        if (o.isintegVersion() == null) {
            missing.add("--isinteg-version (PRC-04)");
        }
        if (o.startVia() == null && c.isCluster()) {
            missing.add("--start-via (PRC-05)");
        }
        if (o.isintegRuns() < 0) {
            missing.add("--isinteg-runs (PRC-06)");
        }
        String detail = missing.isEmpty() ? "" : "not given, so these checks are skipped: " + String.join(", ", missing);
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.IN_06, "operator facts", "given and well-formed", Source.NONE,
                    "restore type " + c.restore().label(), Source.option("--restore-type")).withDetail(detail));
        } else {
            out.set(0, out.get(0).withDetail(detail));
        }
        return out;
    }

    private static List<Finding> in07(CheckContext c) {
        Optional<SystemView> s = c.system();
        boolean clusSvc = s.map(SystemView::isClusterNode).orElse(false);
        if (s.isEmpty() && c.clusters().isEmpty()) {
            return List.of(Finding.skipped(Rule.IN_07, "no SYSTEM hive"));
        }
        if (!clusSvc && c.clusters().isEmpty()) {
            return List.of(Finding.notApplicable(Rule.IN_07, "no Services\\ClusSvc and no cluster hive: a stand-alone "
                    + "server"));
        }
        List<Finding> out = new ArrayList<>();
        if (c.clusters().isEmpty()) {
            out.add(Finding.fail(Rule.IN_07, "cluster hive", ">= 1 CLUSDB or chk*.tmp", Source.NONE, "none",
                    new Source(s.get().file(), s.get().controlSetName() + "\\Services\\ClusSvc", -1),
                    Rule.IN_07.remedy()));
            return out;
        }
        ClusterModel m = c.cluster().orElseThrow();
        List<String> missing = new ArrayList<>();
        for (ClusterModel.Resource r : m.allExchangeResources()) {
            for (ClusterModel.Checkpoint cp : r.checkpoints()) {
                if (c.checkpoint(r.guid(), cp.valueName()).isEmpty()) {
                    missing.add(r.guid() + "\\" + cp.valueName() + ".CPT");
                }
            }
        }
        if (!missing.isEmpty()) {
            out.add(Finding.fail(Rule.IN_07, "registry checkpoint files", "one .CPT per RegSync entry",
                    new Source(m.file(), "Resources\\*\\RegSync", -1), "missing: " + String.join(", ", missing),
                    Source.NONE, Rule.IN_07.remedy()));
        } else {
            out.add(Finding.pass(Rule.IN_07, "cluster evidence", "cluster hive and every checkpoint file",
                    new Source(m.file(), "Resources\\*\\RegSync", -1), c.clusters().size() + " cluster hive(s), "
                            + c.checkpointFiles().size() + " checkpoint file(s)", Source.NONE));
        }
        return out;
    }
}
