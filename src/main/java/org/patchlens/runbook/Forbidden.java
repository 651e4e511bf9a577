package org.patchlens.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The steps the catalog forbids (exchange-restore.md 5.3 and 7), checked over a whole plan: the planner refuses
 * to hand out a plan that breaks one, and the tests check every plan they make.
 * <ul>
 * <li>after an online restore, no {@code isinteg} and no {@code eseutil /r} before the first start of the store
 * (soft recovery without the patch data: -552, KB Q231299);</li>
 * <li>{@code isinteg -patch} only after the store has asked for it: after the step that starts it once (event
 * 1087 / 1011, KB Q296787), and on a cluster in the same step as the SET line before it (KB Q178311);</li>
 * <li>never {@code eseutil /p} (hard repair: data loss, a last resort no plan makes, KB Q185577).</li>
 * </ul>
 */
public final class Forbidden {
    private Forbidden() {
    }

    /** Every rule the plan breaks, one line each; empty when it breaks none. */
    public static List<String> violations(Runbook plan, boolean online, boolean cluster) {
        List<String> out = new ArrayList<>();
        boolean started = false;
        boolean asked = false;
        for (Step s : plan.steps()) {
            boolean setBefore = false;
            for (String c : s.commands()) {
                String l = c.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (l.startsWith("eseutil /p")) {
                    out.add("step " + s.number() + ": eseutil /p (hard repair) is never part of a plan (KB Q185577)");
                }
                if (online && !started && (l.startsWith("isinteg") || l.startsWith("eseutil /r"))) {
                    out.add("step " + s.number() + ": " + c + " before the first start after an online restore "
                            + "(KB Q231299)");
                }
                if (l.startsWith("isinteg") && l.contains("-patch")) {
                    if (online) {
                        out.add("step " + s.number() + ": isinteg -patch after an online restore (KB Q231299)");
                    } else if (!asked) {
                        out.add("step " + s.number() + ": isinteg -patch before the store asked for it (KB Q296787)");
                    }
                    if (cluster && !setBefore) {
                        out.add("step " + s.number() + ": isinteg -patch without SET _CLUSTER_NETWORK_NAME_= before "
                                + "it in the same prompt (KB Q178311)");
                    }
                }
                if (l.startsWith("set _cluster_network_name_=")) {
                    setBefore = true;
                }
            }
            // a step that starts the store: the first start (which asks for the patch), the service controller, the cluster
            if (s.phase() == Phase.ASK || s.phase() == Phase.START || s.phase() == Phase.ONLINE) {
                started = true;
                asked |= s.phase() == Phase.ASK;
            }
        }
        return out;
    }
}
