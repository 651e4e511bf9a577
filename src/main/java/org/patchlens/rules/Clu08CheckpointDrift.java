package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Checkpoint;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.evidence.Evidence;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveDiff;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.model.CommandText;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** CLU-08: the live registry equals the checkpoints the cluster will replay over it (KB Q288562). */
final class Clu08CheckpointDrift extends CluUnit {
    Clu08CheckpointDrift() {
        super("Live registry equals the checkpoint the cluster will replay", Severity.CRIT, Confidence.CONFIRMED,
                List.of("Q288562", "Q185942", "Q174070", "Q199756", "Q278464", "Q188674"),
                "Bringing <R> online from Cluster Administrator will replace these live values with the checkpoint "
                        + "<checkpoint>: <list>. To keep the live (patched) values: (1) apply Isinteg.exe "
                        + "5.5.2654.62 or later on Exchange 5.5 SP4 and run the patch again (KB Q288562); or (2) "
                        + "start the service first with `net start <ServiceName>` and only then bring the resource "
                        + "online, accepting ClusSvc event 1024 (KB Q188674, Q238063), so later changes are "
                        + "checkpointed while online (KB Q174070); or (3) with the resource online and the values "
                        + "correct, remove and re-add the registry checkpoint <path> so it is re-taken from the "
                        + "live key (KB Q174070).");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
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
        if (out.stream().allMatch(f -> f.status() == Status.SKIPPED)) {
            if (compared > 0) {
                out.add(Finding.pass(Rule.CLU_08, "checkpointed subtrees", "live registry equal to the checkpoints",
                        Source.NONE, compared + " checkpoint(s) identical to the live keys", Source.NONE));
            } else if (out.isEmpty()) {
                out.add(Finding.skipped(Rule.CLU_08, "no checkpoint file to compare (CLU-10)"));
            }
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

    private Finding diffFinding(Resource r, Checkpoint cp, String kind, String path, String valueName, Value liveV,
                                Key liveK, Key cptK, String sysFile, String cptFile, Value cptV) {
        long liveT = liveK == null ? -1 : liveK.lastWrittenRaw();
        long cptT = cptK == null ? -1 : cptK.lastWrittenRaw();
        boolean onlyLive = kind.endsWith("only-live");
        // which key was written last, when both exist; a side alone is the newer one
        int order = liveT < 0 ? -1 : cptT < 0 ? 1 : Long.compareUnsigned(liveT, cptT);
        boolean liveNewer = onlyLive || order > 0;
        String obj = path + (valueName == null ? "" : " : " + valueName);
        String liveShown = liveV != null ? RegValue.of(sysFile, "", liveK, liveV).shown()
                : kind.startsWith("key-only-live") ? "key present" : "absent";
        String cptShown = cptV != null ? RegValue.of(cptFile, "", cptK, cptV).shown()
                : kind.startsWith("key-only-checkpoint") ? "key present" : "absent";
        String times = "live key written " + (liveT < 0 ? "-" : FileTime.iso(liveT) + " (FILETIME "
                + Long.toUnsignedString(liveT) + ")") + ", checkpoint key written " + (cptT < 0 ? "-"
                : FileTime.iso(cptT) + " (FILETIME " + Long.toUnsignedString(cptT) + ")") + "; newer: "
                + (order > 0 ? "live" : order < 0 ? "checkpoint" : "neither (same time)");
        Source live = new Source(sysFile, obj, liveV != null ? liveV.fileOffset() : liveK != null
                ? liveK.fileOffset() : -1);
        // the checkpoint hive's root is the checkpointed key: name its keys by the HKLM path they restore
        String cptPath = cptK == null ? cp.path() : cp.path() + (cptK.isRoot() ? "" : cptK.path());
        Source cpt = new Source(cptFile, cptPath + (valueName == null ? "" : " : " + valueName),
                cptV != null ? cptV.fileOffset() : cptK != null ? cptK.fileOffset() : -1);
        String svc = r.serviceName();
        // the service name comes from the cluster hive: into `net start` only when cmd.exe takes it as a name
        String remedy = withLeftOut(remedy("<R>", String.valueOf(r.name()), "<checkpoint>", cp.valueName() + ".CPT",
                "<list>", kind + " " + obj, "<ServiceName>", CommandText.name(svc, "the resource's ServiceName"),
                "<path>", cp.path()), CommandText.leftOut("The resource's ServiceName in the cluster hive", svc));
        // expected = what the cluster will write back (the checkpoint); actual = the live registry now
        Finding f = liveNewer
                ? Finding.fail(Rule.CLU_08, obj, cptShown, cpt, liveShown, live, remedy)
                : Finding.warn(Rule.CLU_08, Severity.WARN, obj, cptShown, cpt, liveShown, live, (order < 0
                        ? "The checkpoint is newer than the live key" : "Live key and checkpoint were written at the "
                        + "same time") + ": the next online overwrites the live value with it, which may be intended.");
        return f.withDetail(kind + "; " + times + "; resource " + r.name() + " {" + r.guid() + "}, RegSync "
                + cp.valueName() + " = " + cp.path());
    }
}
