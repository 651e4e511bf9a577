package org.patchlens.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Checkpoint;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.evidence.Classifier;
import org.patchlens.evidence.Evidence;
import org.patchlens.hive.Hive;
import org.patchlens.model.Source;

/** CLU-10: every checkpoint listed has its readable .CPT file. */
final class Clu10CheckpointFiles extends CluUnit {
    Clu10CheckpointFiles() {
        super("Checkpoint files present, readable and matching the list", Severity.HIGH, Confidence.INFERRED,
                List.of("Q174070", "Q278464"),
                "Copy `<quorum>:\\MSCS\\<GUID>\\` completely. If the file is really gone, the cluster has nothing to "
                        + "replay; re-add the checkpoint while the resource is online (KB Q174070).");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        List<Finding> out = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Resource r : m.allExchangeResources()) {
            for (Checkpoint cp : r.checkpoints()) {
                String id = Classifier.normalGuid(r.guid()) + "\\"
                        + cp.valueName().toUpperCase(Locale.ROOT);
                listed.add(id);
                Source src = new Source(m.file(), cp.keyPath() + " : " + cp.valueName(), cp.valueFileOffset());
                Optional<Hive> h = c.checkpoint(r.guid(), cp.valueName());
                Optional<Evidence> place = c.checkpointPlace(r.guid(), cp.valueName());
                if (h.isEmpty() && place.isPresent()) {
                    out.add(Finding.fail(Rule.CLU_10, r.guid() + "\\" + cp.valueName() + ".CPT", "a registry hive",
                            src, "present but unusable: " + place.get().kind().label() + " (" + place.get().detail()
                                    + ")", new Source(place.get().name(), "file", -1), withLeftOut("Copy `<quorum>:\\MSCS\\"
                                    + guid(r) + "\\` again with a byte-exact copy; if the file is damaged there too, "
                                    + "re-add the checkpoint while the resource is online (KB Q174070).", leftOut(r))));
                    continue;
                }
                if (h.isEmpty()) {
                    out.add(Finding.fail(Rule.CLU_10, r.guid() + "\\" + cp.valueName() + ".CPT", "present", src,
                            "missing", Source.NONE, withLeftOut(remedy("<GUID>", guid(r)), leftOut(r))));
                    continue;
                }
                try {
                    h.get().root();
                    out.add(Finding.pass(Rule.CLU_10, r.guid() + "\\" + cp.valueName() + ".CPT", "a readable hive",
                            src, "readable", new Source(c.checkpointEvidence(r.guid(), cp.valueName())
                                    .map(Evidence::name).orElse(""), "root key", -1)));
                } catch (RuntimeException e) {
                    out.add(Finding.fail(Rule.CLU_10, r.guid() + "\\" + cp.valueName() + ".CPT", "a readable hive", src,
                            e.getMessage(), Source.NONE, withLeftOut("Copy `<quorum>:\\MSCS\\" + guid(r) + "\\` again.",
                            leftOut(r))));
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

    /** The resource's key name (its GUID) for a path to type: a placeholder when cmd.exe would act on it. */
    private static String guid(Resource r) {
        return org.patchlens.model.CommandText.name(r.guid(), "the resource's GUID");
    }

    /** Why the GUID was left out of the path to type, or "". */
    private static String leftOut(Resource r) {
        return org.patchlens.model.CommandText.leftOut("The resource's key name in the cluster hive", r.guid());
    }
}
