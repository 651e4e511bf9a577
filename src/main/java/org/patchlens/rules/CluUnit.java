package org.patchlens.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.model.Source;

/** A CLU rule: it reads the cluster hive in use, and is skipped without one (not applicable off a cluster). */
abstract class CluUnit extends RuleUnit {
    CluUnit(String title, Severity severity, Confidence confidence, List<String> kb, String remedy) {
        super(title, severity, confidence, kb, remedy);
    }

    CluUnit(String title, Severity severity, String severityNote, Confidence confidence, List<String> kb,
            String remedy) {
        super(title, severity, severityNote, confidence, kb, remedy);
    }

    @Override
    final List<Finding> check(CheckContext c) {
        Optional<ClusterModel> m = c.cluster();
        if (m.isEmpty()) {
            return List.of(c.isCluster() ? Finding.skipped(rule(), "no cluster hive (IN-07)")
                    : Finding.notApplicable(rule(), "stand-alone server (no ClusSvc, no cluster hive)"));
        }
        return check(c, m.get());
    }

    /** The check, given the cluster hive the rules use (the newest copy). */
    abstract List<Finding> check(CheckContext c, ClusterModel m);

    /** Where a resource's key is, with a value or subkey named after it ("" for the key itself). */
    static Source resourceSource(ClusterModel m, Resource r, String what) {
        return new Source(m.file(), r.key().path().substring(1) + (what.isEmpty() ? "" : " : " + what),
                r.key().fileOffset());
    }

    /** The core Exchange services that have no Generic Service resource. */
    static List<String> missingServices(ClusterModel m) {
        Map<String, Resource> svcs = m.exchangeServices();
        return ClusterModel.CORE_SERVICES.stream().filter(s -> !svcs.containsKey(s)).toList();
    }

    /** The groups (by GUID) that hold the Exchange services' resources. */
    static Set<String> groupsOfServices(ClusterModel m) {
        Set<String> groups = new HashSet<>();
        for (Resource r : m.exchangeServices().values()) {
            m.groupsOf(r.guid()).forEach(g -> groups.add(g.guid()));
        }
        return groups;
    }

    /** Every Exchange service resource in the one Exchange group. */
    static boolean inOneGroup(ClusterModel m) {
        Optional<ClusterModel.Group> g = m.exchangeGroup();
        return groupsOfServices(m).size() == 1 && g.isPresent()
                && m.exchangeServices().values().stream().allMatch(r -> m.groupsOf(r.guid()).contains(g.get()));
    }

    /** The Exchange group as CLU-01 finds it: every core service present, all in one group. */
    static boolean groupFound(ClusterModel m) {
        return missingServices(m).isEmpty() && inOneGroup(m);
    }
}
