package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchlens.cluster.ClusterModel;

/**
 * What the restore about to be made will write, as the rules that predict read it before the restore: the
 * services it restores (their Restore in Progress keys, online) and the keys isinteg -patch will write (offline),
 * and which registry checkpoints cover them, so that the cluster will replay or remove them at the next online.
 */
final class PlannedRestore {
    private static final String SERVICES = "SYSTEM\\CurrentControlSet\\Services\\";

    /** A checkpoint entry and the key the restore or isinteg will write inside it. */
    record Covered(ClusterModel.Resource resource, ClusterModel.Checkpoint checkpoint, String writtenKey) {
        /** "SYSTEM\...\ParametersPrivate (RegSync 00000003 of Microsoft Exchange Information Store)". */
        String describe() {
            return checkpoint.path() + " (RegSync " + checkpoint.valueName() + " of " + resource.name() + ")";
        }
    }

    private PlannedRestore() {
    }

    /**
     * The services whose databases the backup set holds: MSExchangeDS for dir.edb, MSExchangeIS for the others;
     * both when no database header is known.
     */
    static List<String> restoredServices(CheckContext c) {
        List<String> out = new ArrayList<>();
        for (StoreView.Item<?> d : c.store().databases()) {
            String svc = d.fileName().equalsIgnoreCase("dir.edb") ? "MSExchangeDS" : "MSExchangeIS";
            if (!out.contains(svc)) {
                out.add(svc);
            }
        }
        return out.isEmpty() ? List.of("MSExchangeDS", "MSExchangeIS") : out;
    }

    /**
     * The keys that the cluster will replay or remove at the next online: online, each restored service's
     * Restore in Progress key; offline, the IS keys isinteg -patch writes new identity values to (1.3, 2.2).
     */
    static List<String> writtenKeys(CheckContext c) {
        List<String> out = new ArrayList<>();
        if (c.restore() == Effective.ONLINE) {
            restoredServices(c).forEach(s -> out.add(SERVICES + s + "\\Restore in Progress"));
        } else if (c.restore().offline()) {
            out.add(SERVICES + "MSExchangeIS\\ParametersPrivate");
            out.add(SERVICES + "MSExchangeIS\\ParametersPublic");
        }
        return out;
    }

    /** Every Exchange checkpoint entry of the cluster in use that covers a key of {@link #writtenKeys}. */
    static List<Covered> covered(CheckContext c) {
        List<Covered> out = new ArrayList<>();
        if (c.cluster().isEmpty()) {
            return out;
        }
        List<String> written = writtenKeys(c);
        for (ClusterModel.Resource r : c.cluster().get().allExchangeResources()) {
            for (ClusterModel.Checkpoint cp : r.checkpoints()) {
                for (String w : written) {
                    if (covers(cp.path(), w)) {
                        out.add(new Covered(r, cp, w));
                    }
                }
            }
        }
        return out;
    }

    /** True if the checkpointed subtree {@code regSyncPath} holds {@code key} (it holds its own root too). */
    static boolean covers(String regSyncPath, String key) {
        String cp = regSyncPath.replace('/', '\\').toLowerCase(Locale.ROOT);
        while (cp.endsWith("\\")) {
            cp = cp.substring(0, cp.length() - 1);
        }
        String k = key.toLowerCase(Locale.ROOT);
        return k.equals(cp) || k.startsWith(cp + "\\");
    }
}
