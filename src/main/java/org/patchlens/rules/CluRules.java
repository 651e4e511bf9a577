package org.patchlens.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Checkpoint;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.evidence.Evidence;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveDiff;
import org.patchlens.hive.Key;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** CLU: the cluster, its Exchange group and the registry checkpoints it replays. */
final class CluRules {
    private CluRules() {
    }

    static List<Finding> evaluate(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        Optional<ClusterModel> cm = c.cluster();
        if (cm.isEmpty()) {
            String why = c.isCluster() ? "no cluster hive (IN-07)" : null;
            for (Rule r : Rule.values()) {
                if (r.family().equals("CLU")) {
                    out.add(why != null ? Finding.skipped(r, why)
                            : Finding.notApplicable(r, "stand-alone server (no ClusSvc, no cluster hive)"));
                }
            }
            return out;
        }
        ClusterModel m = cm.get();
        Finding clu01 = clu01(m);
        out.add(clu01);
        boolean groupOk = clu01.status() == Status.PASS;
        out.addAll(clu02(c));
        out.addAll(clu03(c));
        out.addAll(clu04(c, m));
        out.addAll(groupOk ? clu05(m) : List.of(Finding.skipped(Rule.CLU_05, "CLU-01 found no Exchange group")));
        out.addAll(clu06(c, m));
        out.addAll(groupOk ? clu07(m) : List.of(Finding.skipped(Rule.CLU_07, "CLU-01 found no Exchange group")));
        out.addAll(clu08(c, m));
        out.addAll(clu09(c, m));
        out.addAll(clu10(c, m));
        out.addAll(clu11(c));
        return out;
    }

    private static Source res(ClusterModel m, Resource r, String what) {
        return new Source(m.file(), r.key().path().substring(1) + (what.isEmpty() ? "" : " : " + what),
                r.key().fileOffset());
    }

    private static Finding clu01(ClusterModel m) {
        Map<String, Resource> svcs = m.exchangeServices();
        List<String> missing = ClusterModel.CORE_SERVICES.stream().filter(s -> !svcs.containsKey(s)).toList();
        Source where = new Source(m.file(), "Resources", -1);
        if (!missing.isEmpty()) {
            return Finding.fail(Rule.CLU_01, "Exchange Generic Service resources", String.join(", ",
                    ClusterModel.CORE_SERVICES), Source.NONE, "missing: " + String.join(", ", missing), where,
                    "The cluster hive has no Generic Service resource for " + String.join(", ", missing)
                            + " in the Exchange group; check in Cluster Administrator that the Exchange resources "
                            + "exist in one group and that this CLUSDB copy is current (CLU-11).");
        }
        Set<String> groups = new HashSet<>();
        for (Resource r : svcs.values()) {
            m.groupsOf(r.guid()).forEach(g -> groups.add(g.guid()));
        }
        Optional<ClusterModel.Group> g = m.exchangeGroup();
        boolean oneGroup = groups.size() == 1 && g.isPresent()
                && svcs.values().stream().allMatch(r -> m.groupsOf(r.guid()).contains(g.get()));
        if (!oneGroup) {
            return Finding.fail(Rule.CLU_01, "Exchange group", "SA, DS, IS and MTA in one group", Source.NONE,
                    "spread over " + groups.size() + " group(s)", new Source(m.file(), "Groups", -1),
                    "Put the Exchange resources into one group in Cluster Administrator.");
        }
        return Finding.pass(Rule.CLU_01, "Exchange group", "SA, DS, IS and MTA in one group", Source.NONE,
                g.get().name() + " {" + g.get().guid() + "}", new Source(m.file(), g.get().key().path().substring(1)
                        + " : Contains", g.get().key().fileOffset()));
    }

    private static List<Finding> clu02(CheckContext c) {
        Optional<String> vname = c.virtualServer();
        Optional<RegValue> dn = c.system().flatMap(v -> v.value(RegRules.MTA, "X500 DN"));
        if (vname.isEmpty() || dn.isEmpty()) {
            return List.of(Finding.skipped(Rule.CLU_02, vname.isEmpty() ? "virtual server name unknown"
                    : "no MSExchangeMTA\\Parameters : X500 DN"));
        }
        String cn = X500.server(dn.get().text());
        Source vs = c.virtualServerSource().orElse(Source.NONE);
        if (cn != null && cn.equals(vname.get())) {
            return List.of(Finding.pass(Rule.CLU_02, "X500 DN cn=", vname.get(), vs, cn, dn.get().source()));
        }
        if (cn != null && cn.equalsIgnoreCase(vname.get())) {
            return List.of(Finding.warn(Rule.CLU_02, Severity.WARN, "X500 DN cn=", vname.get(), vs, cn,
                    dn.get().source(), "The names differ in case only (directory names are case-sensitive)."));
        }
        return List.of(Finding.fail(Rule.CLU_02, "X500 DN cn=", vname.get(), vs, cn == null ? dn.get().text() : cn,
                dn.get().source(), "The MTA is configured for " + cn + ", the Exchange virtual server is "
                        + vname.get() + ": this installation does not belong to this virtual server; reinstall "
                        + "against " + vname.get() + " (KB Q238063)."));
    }

    private static List<Finding> clu03(CheckContext c) {
        List<RipRules.Rip> rips = RipRules.rips(c);
        Optional<String> vname = c.virtualServer();
        if (rips.isEmpty() || vname.isEmpty()) {
            return List.of(rips.isEmpty() ? Finding.notApplicable(Rule.CLU_03, "no Restore in Progress key")
                    : Finding.skipped(Rule.CLU_03, "virtual server name unknown"));
        }
        List<Finding> out = new ArrayList<>();
        Source vs = c.virtualServerSource().orElse(Source.NONE);
        for (RipRules.Rip rip : rips) {
            List<String[]> servers = new ArrayList<>();
            for (String name : List.of("LogPath", "BackupLogPath", "CheckpointFilePath")) {
                rip.value(name).ifPresent(v -> servers.add(new String[] {name, WinPath.of(v.text()).server(),
                        v.text()}));
            }
            rip.value("EDB_RstMap").ifPresent(map -> {
                List<String> lines = map.lines();
                for (int i = 1; i < lines.size(); i += 2) {
                    servers.add(new String[] {"EDB_RstMap line " + (i + 1), WinPath.of(lines.get(i)).server(),
                            lines.get(i)});
                }
            });
            for (String[] s : servers) {
                String obj = rip.path() + " : " + s[0];
                Source src = new Source(rip.file(), rip.path() + " : " + s[0].replaceAll(" line \\d+", ""), -1);
                if (s[1].isEmpty() || s[1].equalsIgnoreCase(vname.get())) {
                    if (!s[1].isEmpty()) {
                        out.add(Finding.pass(Rule.CLU_03, obj, vname.get(), vs, s[1], src));
                    }
                    continue;
                }
                String node = c.node().map(RegValue::text).orElse("");
                out.add(Finding.fail(Rule.CLU_03, obj, vname.get(), vs, s[1] + (s[1].equalsIgnoreCase(node)
                        ? " (the node name)" : "") + " in " + s[2], src, "The restore was directed at " + s[1]
                        + ", not the Exchange virtual server " + vname.get() + ". Run the online restore again choosing "
                        + vname.get() + " as destination (KB Q238063)."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.CLU_03, "no UNC paths in the Restore in Progress key"));
        }
        return out;
    }

    private static List<Finding> clu04(CheckContext c, ClusterModel m) {
        Optional<String> vname = c.virtualServer();
        Optional<RegValue> node = c.node();
        if (vname.isEmpty() || node.isEmpty()) {
            return List.of(Finding.skipped(Rule.CLU_04, vname.isEmpty() ? "virtual server name unknown"
                    : "node name unknown (no SYSTEM hive)"));
        }
        String n = node.get().text();
        Source ns = node.get().source();
        Source vs = c.virtualServerSource().orElse(Source.NONE);
        String remedy = "Exchange values name the node " + n + "; on a cluster they must name " + vname.get()
                + ". This usually means Exchange was installed or restored against the node; restore to "
                + vname.get() + ".";
        List<Finding> out = new ArrayList<>();
        if (vname.get().equalsIgnoreCase(n)) {
            out.add(Finding.fail(Rule.CLU_04, "virtual server name", "a name other than the node " + n, ns,
                    vname.get(), vs, remedy));
        }
        boolean listed = m.nodes().stream().anyMatch(x -> n.equalsIgnoreCase(x.name()));
        if (!m.nodes().isEmpty() && !listed) {
            out.add(Finding.fail(Rule.CLU_04, "cluster nodes", n + " listed under Nodes", ns, m.nodes().stream()
                    .map(ClusterModel.Node::name).toList().toString(), new Source(m.file(), "Nodes", -1),
                    "The SYSTEM hive is from " + n + ", which this cluster hive does not list: copy the SYSTEM hive "
                            + "of a node of this cluster."));
        }
        SystemView v = c.system().get();
        List<Optional<RegValue>> names = List.of(v.value(RegRules.SA, "Server"),
                v.value(RegRules.IS_SYSTEM, "This Server"));
        for (Optional<RegValue> name : names) {
            if (name.isPresent() && name.get().text().equalsIgnoreCase(n)) {
                out.add(Finding.fail(Rule.CLU_04, name.get().source().location(), vname.get(), vs, n + " (the node)",
                        name.get().source(), remedy));
            }
        }
        v.value(RegRules.MTA, "X500 DN").ifPresent(dn -> {
            String cn = X500.server(dn.text());
            if (cn != null && cn.equalsIgnoreCase(n)) {
                out.add(Finding.fail(Rule.CLU_04, "X500 DN cn=", vname.get(), vs, n + " (the node)", dn.source(),
                        remedy));
            }
        });
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_04, "node name", "not used as the Exchange name", vs, "node " + n
                    + ", virtual server " + vname.get(), ns));
        }
        return out;
    }

    private static List<Finding> clu05(ClusterModel m) {
        ClusterModel.Group g = m.exchangeGroup().orElseThrow();
        List<Resource> members = m.members(g);
        List<Resource> names = members.stream().filter(r -> r.isType("Network Name")).toList();
        Source gs = new Source(m.file(), g.key().path().substring(1) + " : Contains", g.key().fileOffset());
        String remedy = "Exchange group lacks a usable network name; Cluster Administrator > Exchange group > "
                + "Network Name > Parameters must show the Exchange server name.";
        if (names.size() != 1) {
            return List.of(Finding.fail(Rule.CLU_05, "Network Name resources of " + g.name(), "exactly 1", gs,
                    Integer.toString(names.size()), gs, remedy));
        }
        Resource nn = names.get(0);
        String name = nn.parameter("Name");
        List<Finding> out = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 15) {
            out.add(Finding.fail(Rule.CLU_05, nn.name() + " : Parameters\\Name", "1 to 15 characters", Source.NONE,
                    name == null ? "missing" : "\"" + name + "\"", res(m, nn, "Parameters\\Name"), remedy));
        }
        Optional<Resource> ip = nn.dependsOn().stream().map(m::resource).flatMap(Optional::stream)
                .filter(r -> r.isType("IP Address") && members.contains(r)).findFirst();
        if (ip.isEmpty()) {
            out.add(Finding.fail(Rule.CLU_05, nn.name() + " : DependsOn", "an IP Address resource of the group",
                    Source.NONE, nn.dependsOn().toString(), res(m, nn, "DependsOn"), remedy));
        } else if (ip.get().parameter("Address") == null || ip.get().parameter("SubnetMask") == null) {
            out.add(Finding.fail(Rule.CLU_05, ip.get().name() + " : Parameters", "Address and SubnetMask",
                    Source.NONE, ip.get().parameters().keySet().toString(), res(m, ip.get(), "Parameters"), remedy));
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_05, nn.name(), "Network Name with Name, on an IP Address", Source.NONE,
                    name + " on " + ip.get().parameter("Address") + "/" + ip.get().parameter("SubnetMask"),
                    res(m, nn, "Parameters\\Name")));
        }
        return out;
    }

    private static List<Finding> clu06(CheckContext c, ClusterModel m) {
        List<String> nodeIds = new ArrayList<>();
        m.nodes().forEach(n -> nodeIds.add(n.id()));
        c.node().ifPresent(n -> m.nodes().stream().filter(x -> n.text().equalsIgnoreCase(x.name())).findFirst()
                .ifPresent(x -> {
                    if (!nodeIds.contains(x.id())) {
                        nodeIds.add(x.id());
                    }
                }));
        if (nodeIds.isEmpty()) {
            return List.of(Finding.skipped(Rule.CLU_06, "the cluster hive lists no nodes"));
        }
        List<Resource> check = new ArrayList<>(m.exchangeServices().values());
        m.networkNames().forEach(check::add);
        m.exchangeGroup().ifPresent(g -> m.members(g).stream().filter(r -> r.isType("IP Address"))
                .forEach(check::add));
        List<Finding> out = new ArrayList<>();
        for (Resource r : check) {
            List<String> missing = nodeIds.stream().filter(id -> r.possibleOwners().stream()
                    .noneMatch(o -> o.trim().equalsIgnoreCase(id))).toList();
            if (!missing.isEmpty()) {
                out.add(Finding.fail(Rule.CLU_06, r.name() + " : PossibleOwners", "nodes " + nodeIds,
                        new Source(m.file(), "Nodes", -1), r.possibleOwners().toString(), res(m, r, "PossibleOwners"),
                        "cluster res \"" + r.name() + "\" /addowner:" + String.join(",", missing)
                                + " (or Cluster Administrator > resource > General > Possible owners)."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_06, "possible owners", "every node on every Exchange resource",
                    new Source(m.file(), "Nodes", -1), "nodes " + nodeIds, Source.NONE));
        }
        return out;
    }

    private static List<Finding> clu07(ClusterModel m) {
        Map<String, Resource> svcs = m.exchangeServices();
        ClusterModel.Group g = m.exchangeGroup().orElseThrow();
        List<Resource> members = m.members(g);
        List<Finding> out = new ArrayList<>();
        Resource sa = svcs.get("MSExchangeSA");
        String remedy = "Cluster Administrator > %s > Dependencies: add %s (KB Q278464 step 10).";
        for (String dependent : List.of("MSExchangeIS", "MSExchangeDS", "MSExchangeMTA")) {
            Resource r = svcs.get(dependent);
            boolean direct = dependent.equals("MSExchangeIS");
            boolean ok = direct ? r.dependsOn().stream().anyMatch(d -> d.trim().equalsIgnoreCase(sa.guid()))
                    : reaches(m, r, sa);
            if (!ok) {
                out.add(Finding.fail(Rule.CLU_07, r.name() + " : DependsOn", (direct ? "" : "(transitively) ")
                        + sa.name(), Source.NONE, names(m, r.dependsOn()), res(m, r, "DependsOn"),
                        String.format(remedy, r.name(), sa.name())));
            }
        }
        Optional<Resource> nn = m.virtualServerResource();
        if (nn.isPresent() && !reaches(m, sa, nn.get())) {
            out.add(Finding.fail(Rule.CLU_07, sa.name() + " : DependsOn", "(transitively) " + nn.get().name(),
                    Source.NONE, names(m, sa.dependsOn()), res(m, sa, "DependsOn"),
                    String.format(remedy, sa.name(), nn.get().name())));
        }
        for (Resource r : svcs.values()) {
            for (String d : r.dependsOn()) {
                Optional<Resource> dep = m.resource(d);
                if (dep.isPresent() && !members.contains(dep.get())) {
                    out.add(Finding.fail(Rule.CLU_07, r.name() + " : DependsOn", "resources of " + g.name(),
                            Source.NONE, dep.get().name() + " (another group)", res(m, r, "DependsOn"),
                            "Remove the dependency on " + dep.get().name() + " or move it into the Exchange group."));
                }
            }
            if (reaches(m, r, r)) {
                out.add(Finding.fail(Rule.CLU_07, r.name() + " : DependsOn", "no cycle", Source.NONE,
                        "a dependency cycle through " + r.name(), res(m, r, "DependsOn"),
                        "Break the dependency cycle in Cluster Administrator."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_07, "dependencies", "IS->SA, DS/MTA->SA, SA->Network Name", Source.NONE,
                    "as documented", new Source(m.file(), "Resources", -1)));
        }
        return out;
    }

    private static String names(ClusterModel m, List<String> guids) {
        return guids.stream().map(g -> m.resource(g).map(Resource::name).orElse(g)).toList().toString();
    }

    /** True if {@code to} is reachable from {@code from}'s dependencies (bounded by the resource count). */
    private static boolean reaches(ClusterModel m, Resource from, Resource to) {
        Deque<String> todo = new ArrayDeque<>(from.dependsOn());
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String g = todo.pop().trim().toUpperCase(Locale.ROOT);
            if (!seen.add(g)) {
                continue;
            }
            if (g.equalsIgnoreCase(to.guid())) {
                return true;
            }
            m.resource(g).ifPresent(r -> todo.addAll(r.dependsOn()));
        }
        return false;
    }

    // ------------------------------------------------------------------ CLU-08, the core diff

    private static List<Finding> clu08(CheckContext c, ClusterModel m) {
        if (c.system().isEmpty()) {
            return List.of(Finding.skipped(Rule.CLU_08, "no SYSTEM hive"));
        }
        SystemView v = c.system().get();
        List<Finding> out = new ArrayList<>();
        int compared = 0;
        for (Resource r : m.allExchangeResources()) {
            for (Checkpoint cp : r.checkpoints()) {
                Optional<Hive> cpt = c.checkpoint(r.guid(), cp.valueName());
                Optional<Evidence> cptEv = c.checkpointEvidence(r.guid(), cp.valueName());
                String id = r.guid() + "\\" + cp.valueName() + ".CPT";
                if (cpt.isEmpty()) {
                    continue; // CLU-10 reports the missing file
                }
                Key live = v.resolveHklm(cp.path());
                String hivePath = v.toHivePath(cp.path());
                if (hivePath == null) {
                    out.add(Finding.skipped(Rule.CLU_08, cp.path() + ": not in the SYSTEM hive (no such hive given)"));
                    continue;
                }
                compared++;
                String cptName = cptEv.map(Evidence::name).orElse(id);
                Key cptRoot;
                try {
                    cptRoot = cpt.get().root();
                } catch (RuntimeException e) {
                    continue; // CLU-10 reports an unreadable checkpoint
                }
                if (live == null) {
                    out.add(diffFinding(r, cp, "key-only-checkpoint", hivePath, null, null, null, cptRoot,
                            v.file(), cptName, null));
                    continue;
                }
                String base = live.path();
                HiveDiff.compare(cptRoot, live, ch -> {
                    if (ch.isKey() && ch.kind() == HiveDiff.Kind.CHANGED) {
                        return; // a last-write time alone is not replayed content
                    }
                    String kind = switch (ch.kind()) {
                        case ADDED -> ch.isKey() ? "key-only-live" : "value-only-live";
                        case REMOVED -> ch.isKey() ? "key-only-checkpoint" : "value-only-checkpoint";
                        case CHANGED -> "value-changed";
                    };
                    String path = ch.keyAfter() != null ? ch.keyAfter().path()
                            : base + relative(cptRoot, ch.keyBefore());
                    out.add(diffFinding(r, cp, kind, path.substring(1), ch.valueName(), ch.after(), ch.keyAfter(),
                            ch.keyBefore(), v.file(), cptName, ch.before()));
                });
            }
        }
        if (out.isEmpty()) {
            if (compared == 0) {
                return List.of(Finding.skipped(Rule.CLU_08, "no checkpoint file to compare (CLU-10)"));
            }
            return List.of(Finding.pass(Rule.CLU_08, "checkpointed subtrees", "live registry equal to the checkpoints",
                    Source.NONE, compared + " checkpoint(s) identical to the live keys", Source.NONE));
        }
        return out;
    }

    /** The path of {@code k} below {@code root} ("" for the root itself, else "\A\B"). */
    private static String relative(Key root, Key k) {
        if (k == null) {
            return "";
        }
        String p = k.path();
        return root.isRoot() ? (p.equals("\\") ? "" : p) : p.substring(root.path().length());
    }

    private static Finding diffFinding(Resource r, Checkpoint cp, String kind, String path, String valueName,
                                       org.patchlens.hive.Value liveV, Key liveK, Key cptK, String sysFile,
                                       String cptFile, org.patchlens.hive.Value cptV) {
        long liveT = liveK == null ? -1 : liveK.lastWrittenRaw();
        long cptT = cptK == null ? -1 : cptK.lastWrittenRaw();
        boolean onlyLive = kind.endsWith("only-live");
        boolean liveNewer = onlyLive || (liveT >= 0 && cptT >= 0 && Long.compareUnsigned(liveT, cptT) > 0);
        String obj = path + (valueName == null ? "" : " : " + valueName);
        String liveShown = liveV != null ? RegValue.of(sysFile, "", liveK, liveV).shown()
                : kind.startsWith("key-only-live") ? "key present" : "absent";
        String cptShown = cptV != null ? RegValue.of(cptFile, "", cptK, cptV).shown()
                : kind.startsWith("key-only-checkpoint") ? "key present" : "absent";
        String times = "live key written " + (liveT < 0 ? "-" : FileTime.iso(liveT) + " (FILETIME "
                + Long.toUnsignedString(liveT) + ")") + ", checkpoint key written " + (cptT < 0 ? "-"
                : FileTime.iso(cptT) + " (FILETIME " + Long.toUnsignedString(cptT) + ")") + "; newer: "
                + (liveNewer ? "live" : "checkpoint");
        Source live = new Source(sysFile, obj, liveV != null ? liveV.fileOffset() : liveK != null
                ? liveK.fileOffset() : -1);
        // the checkpoint hive's root is the checkpointed key: name its keys by the HKLM path they restore
        String cptPath = cptK == null ? cp.path() : cp.path() + (cptK.isRoot() ? "" : cptK.path());
        Source cpt = new Source(cptFile, cptPath + (valueName == null ? "" : " : " + valueName),
                cptV != null ? cptV.fileOffset() : cptK != null ? cptK.fileOffset() : -1);
        String svc = r.serviceName();
        String remedy = "Bringing " + r.name() + " online from Cluster Administrator will replace these live values "
                + "with the checkpoint " + cp.valueName() + ".CPT: " + kind + " " + obj + ". To keep the live "
                + "(patched) values: (1) apply Isinteg.exe 5.5.2654.62 or later on Exchange 5.5 SP4 and run the patch "
                + "again (KB Q288562); or (2) start the service first with `net start " + svc + "` and only then "
                + "bring the resource online, accepting ClusSvc event 1024 (KB Q188674, Q238063), so later changes "
                + "are checkpointed while online (KB Q174070); or (3) with the resource online and the values "
                + "correct, remove and re-add the registry checkpoint " + cp.path() + " so it is re-taken from the "
                + "live key (KB Q174070).";
        // expected = what the cluster will write back (the checkpoint); actual = the live registry now
        Finding f = liveNewer
                ? Finding.fail(Rule.CLU_08, obj, cptShown, cpt, liveShown, live, remedy)
                : Finding.warn(Rule.CLU_08, Severity.WARN, obj, cptShown, cpt, liveShown, live,
                "The checkpoint is newer than the live key: the next online overwrites the live value with it, "
                        + "which may be intended.");
        return f.withDetail(kind + "; " + times + "; resource " + r.name() + " {" + r.guid() + "}, RegSync "
                + cp.valueName() + " = " + cp.path());
    }

    // ------------------------------------------------------------------ CLU-09 .. CLU-11

    private static List<Finding> clu09(CheckContext c, ClusterModel m) {
        List<Finding> out = new ArrayList<>();
        Optional<SystemView> v = c.system();
        List<RipRules.Rip> rips = RipRules.rips(c);
        for (Resource r : m.allExchangeResources()) {
            for (Checkpoint cp : r.checkpoints()) {
                String p = cp.path().replace('/', '\\');
                String lower = p.toLowerCase(Locale.ROOT);
                Source src = new Source(m.file(), cp.keyPath() + " : " + cp.valueName(), cp.valueFileOffset());
                boolean root = lower.matches("system\\\\currentcontrolset\\\\services\\\\msexchange[a-z]*\\\\?");
                Key covered = v.map(s -> s.resolveHklm(cp.path())).orElse(null);
                for (RipRules.Rip rip : rips) {
                    if (covered != null && rip.key().path().toLowerCase(Locale.ROOT).startsWith(
                            covered.path().toLowerCase(Locale.ROOT) + "\\")) {
                        out.add(Finding.fail(Rule.CLU_09, cp.path(), "no checkpoint covering " + rip.path(),
                                Source.NONE, "RegSync " + cp.valueName() + " of " + r.name() + " covers it: the key "
                                        + "vanishes when the resource comes online", src,
                                "Start " + rip.service().substring(10) + " from Services (`net start " + rip.service()
                                        + "`), let hard recovery finish, then bring the resource online in Cluster "
                                        + "Administrator (ignore ClusSvc 1024) (KB Q188674). Afterwards replace the "
                                        + "root checkpoint by the default `...\\Parameters` and `...\\Diagnostics` "
                                        + "entries (KB Q290651)."));
                    }
                }
                if (root) {
                    out.add(new Finding(Rule.CLU_09, Severity.HIGH, Status.FAIL, cp.path(),
                            "Parameters and Diagnostics subkeys only", Source.NONE, "a service root key", src,
                            "Replace the root checkpoint " + cp.path() + " by the default `...\\Parameters` and "
                                    + "`...\\Diagnostics` entries (KB Q290651): a replicated root replays Start and "
                                    + "every subkey at each online.", ""));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_09, "registry checkpoint lists", "no service root key, no Restore in "
                    + "Progress key inside", Source.NONE, "none", new Source(m.file(), "Resources\\*\\RegSync", -1)));
        }
        return out;
    }

    private static List<Finding> clu10(CheckContext c, ClusterModel m) {
        List<Finding> out = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Resource r : m.allExchangeResources()) {
            for (Checkpoint cp : r.checkpoints()) {
                String id = org.patchlens.evidence.Classifier.normalGuid(r.guid()) + "\\"
                        + cp.valueName().toUpperCase(Locale.ROOT);
                listed.add(id);
                Source src = new Source(m.file(), cp.keyPath() + " : " + cp.valueName(), cp.valueFileOffset());
                Optional<Hive> h = c.checkpoint(r.guid(), cp.valueName());
                Optional<Evidence> place = c.checkpointPlace(r.guid(), cp.valueName());
                if (h.isEmpty() && place.isPresent()) {
                    out.add(Finding.fail(Rule.CLU_10, r.guid() + "\\" + cp.valueName() + ".CPT", "a registry hive",
                            src, "present but unusable: " + place.get().kind().label() + " (" + place.get().detail()
                                    + ")", new Source(place.get().name(), "file", -1), "Copy `<quorum>:\\MSCS\\"
                                    + r.guid() + "\\` again with a byte-exact copy; if the file is damaged there too, "
                                    + "re-add the checkpoint while the resource is online (KB Q174070)."));
                    continue;
                }
                if (h.isEmpty()) {
                    out.add(Finding.fail(Rule.CLU_10, r.guid() + "\\" + cp.valueName() + ".CPT", "present", src,
                            "missing", Source.NONE, "Copy `<quorum>:\\MSCS\\" + r.guid() + "\\` completely. If the "
                                    + "file is really gone, the cluster has nothing to replay; re-add the checkpoint "
                                    + "while the resource is online (KB Q174070)."));
                    continue;
                }
                try {
                    h.get().root();
                    out.add(Finding.pass(Rule.CLU_10, r.guid() + "\\" + cp.valueName() + ".CPT", "a readable hive",
                            src, "readable", new Source(c.checkpointEvidence(r.guid(), cp.valueName())
                                    .map(Evidence::name).orElse(""), "root key", -1)));
                } catch (RuntimeException e) {
                    out.add(Finding.fail(Rule.CLU_10, r.guid() + "\\" + cp.valueName() + ".CPT", "a readable hive", src,
                            e.getMessage(), Source.NONE, "Copy `<quorum>:\\MSCS\\" + r.guid() + "\\` again."));
                }
            }
        }
        for (Map.Entry<String, Evidence> e : c.checkpointFiles().entrySet()) {
            if (!listed.contains(e.getKey())) {
                out.add(new Finding(Rule.CLU_10, Severity.INFO, Status.PASS, e.getValue().name(),
                        "listed in a RegSync of an Exchange resource", Source.NONE, "not listed",
                        new Source(e.getValue().name(), "", -1), "",
                        "a checkpoint file for a resource or entry the cluster hive does not list (INFO)"));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.CLU_10, "no RegSync entries on the Exchange resources"));
        }
        return out;
    }

    private static List<Finding> clu11(CheckContext c) {
        List<ClusterModel> copies = c.clusters();
        if (copies.size() < 2) {
            return List.of(Finding.skipped(Rule.CLU_11, "fewer than two cluster hive copies"));
        }
        ClusterModel newest = c.cluster().orElseThrow();
        Map<String, String> ref = facts(newest);
        List<Finding> out = new ArrayList<>();
        for (ClusterModel other : copies) {
            if (other == newest) {
                continue;
            }
            Map<String, String> f = facts(other);
            Set<String> keys = new java.util.LinkedHashSet<>(ref.keySet());
            keys.addAll(f.keySet());
            for (String k : keys) {
                String a = ref.getOrDefault(k, "(absent)");
                String b = f.getOrDefault(k, "(absent)");
                if (!a.equals(b)) {
                    out.add(Finding.fail(Rule.CLU_11, k, a, new Source(newest.file(), k, -1), b,
                            new Source(other.file(), k, -1), "The node CLUSDB and the quorum snapshot differ on " + k
                                    + "; the cluster forms from the newest chk*.tmp plus quolog.log (KB Q217147). "
                                    + "Analyse with the copy the cluster will use: " + newest.file() + "."));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_11, "cluster hive copies", "the same Exchange facts", Source.NONE,
                    copies.size() + " copies agree", Source.NONE));
        }
        return out;
    }

    /** The Exchange facts compared across copies, by a readable name. */
    private static Map<String, String> facts(ClusterModel m) {
        Map<String, String> f = new LinkedHashMap<>();
        m.exchangeGroup().ifPresent(g -> f.put("Exchange group members", new java.util.TreeSet<>(
                g.contains().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList()).toString()));
        m.virtualServerName().ifPresent(n -> f.put("virtual server name", n));
        m.exchangeGroup().ifPresent(g -> m.members(g).stream().filter(r -> r.isType("IP Address")).findFirst()
                .ifPresent(ip -> f.put("IP Address", ip.parameter("Address") + "/" + ip.parameter("SubnetMask"))));
        for (Resource r : m.allExchangeResources()) {
            String p = "resource " + r.serviceName() + " ";
            f.put(p + "GUID", r.guid().toUpperCase(Locale.ROOT));
            f.put(p + "Type", String.valueOf(r.type()));
            f.put(p + "DependsOn", r.dependsOn().toString());
            f.put(p + "PossibleOwners", r.possibleOwners().toString());
            f.put(p + "RegSync", r.checkpoints().stream().map(cp -> cp.valueName() + "=" + cp.path()).toList()
                    .toString());
        }
        return f;
    }
}
