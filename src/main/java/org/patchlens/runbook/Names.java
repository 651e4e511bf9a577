package org.patchlens.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.evidence.Evidence;
import org.patchlens.model.CommandText;
import org.patchlens.model.RegValue;
import org.patchlens.model.SystemView;
import org.patchlens.rules.CheckContext;

/**
 * The names a runbook fills in, read from the evidence: the Exchange virtual server (the Network Name's
 * {@code Parameters\Name} in CLUSDB), the Exchange group and its resources' display names, the database paths
 * ({@code DB Path}) and the {@code exchsrvr} folder they lie in, and each resource's registry checkpoints
 * ({@code RegSync}). A name that is unknown, or that a command prompt would read as more than a name (quotes,
 * {@code &}, {@code |}, {@code <}, {@code >}, {@code ^}, {@code %}, control characters: a crafted name must not
 * turn a copied line into two commands), is a placeholder in angle brackets, and {@link #unsafe} says why.
 *
 * @param cluster       a cluster node (ClusSvc installed or a cluster hive given)
 * @param virtualServer VNAME, or a placeholder
 * @param node          the SYSTEM hive's computer name, or a placeholder
 * @param group         the Exchange group's name, or a placeholder
 * @param resources     service name (MSExchangeIS) to its resource's display name, or a placeholder
 * @param databases     the registered database paths: DB Path of ParametersPrivate and ParametersPublic
 * @param logFolder     ParametersSystem\DB Log Path, or a placeholder
 * @param exchsrvrBin   the exchsrvr\bin folder of the first DB Path (where isinteg lives), or a placeholder
 * @param checkpoints   every RegSync entry of the Exchange resources, in the cluster hive's order
 * @param dsRestored    the directory is part of the restore (a Restore in Progress key under MSExchangeDS, or a
 *                      DIR.EDB / dir.pat among the evidence)
 * @param unsafe        names left out of the commands, and why
 */
public record Names(boolean cluster, String virtualServer, String node, String group, Map<String, String> resources,
                    List<String> databases, String logFolder, String exchsrvrBin, List<Checkpoint> checkpoints,
                    boolean dsRestored, List<String> unsafe) {

    /** One RegSync entry: the resource's name and service, the value name (00000002) and the HKLM path. */
    public record Checkpoint(String resource, String service, String valueName, String path) {
        /** True if this checkpoint covers {@code hklmPath} (the same key or one above it). */
        public boolean covers(String hklmPath) {
            String p = norm(path);
            String k = norm(hklmPath);
            return k.equals(p) || k.startsWith(p + "\\");
        }

        private static String norm(String s) {
            String t = s.replace('/', '\\').toLowerCase(Locale.ROOT);
            while (t.startsWith("\\")) {
                t = t.substring(1);
            }
            while (t.endsWith("\\")) {
                t = t.substring(0, t.length() - 1);
            }
            return t;
        }
    }

    public Names {
        resources = Map.copyOf(resources);
        databases = List.copyOf(databases);
        checkpoints = List.copyOf(checkpoints);
        unsafe = List.copyOf(unsafe);
    }

    /** The display name of a service's resource ("Microsoft Exchange Information Store"), or a placeholder. */
    public String resource(String service) {
        return resources.getOrDefault(service, "<the " + service + " resource>");
    }

    public static Names of(CheckContext ctx) {
        List<String> unsafe = new ArrayList<>();
        Optional<ClusterModel> m = ctx.cluster();
        String vs = name("the Exchange virtual server", ctx.virtualServer().orElse(null),
                CheckContext.VIRTUAL_SERVER_PLACEHOLDER, unsafe);
        String node = name("the node", ctx.node().map(RegValue::text).orElse(null), "the node's computer name", unsafe);
        String group = name("the Exchange group", m.flatMap(ClusterModel::exchangeGroup)
                .map(g -> g.name() == null ? g.guid() : g.name()).orElse(null), "the Exchange group", unsafe);
        Map<String, String> resources = new LinkedHashMap<>();
        List<Checkpoint> cps = new ArrayList<>();
        if (m.isPresent()) {
            m.get().exchangeServices().forEach((svc, r) -> {
                resources.put(svc, name("the " + svc + " resource", r.name(), "the " + svc + " resource", unsafe));
                for (ClusterModel.Checkpoint c : r.checkpoints()) {
                    cps.add(new Checkpoint(resources.get(svc), svc, c.valueName(), c.path()));
                }
            });
        }
        List<String> dbs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        String log = null;
        Optional<SystemView> sys = ctx.system();
        if (sys.isPresent()) {
            for (String k : List.of("ParametersPrivate", "ParametersPublic")) {
                Optional<String> path = sys.get().value("Services\\MSExchangeIS\\" + k, "DB Path").map(RegValue::text)
                        .filter(p -> !p.isBlank());
                if (path.isPresent()) {
                    dbs.add(path.get());
                    files.add(k.equals("ParametersPrivate") ? "PRIV.EDB" : "PUB.EDB");
                }
            }
            log = sys.get().value("Services\\MSExchangeIS\\ParametersSystem", "DB Log Path").map(RegValue::text)
                    .orElse(null);
        }
        List<String> safeDbs = new ArrayList<>();
        for (int i = 0; i < dbs.size(); i++) {
            safeDbs.add(name("a DB Path", dbs.get(i), DB_PATH_OF + files.get(i), unsafe));
        }
        // from the first DB Path; an unsafe one is its placeholder (<the DB Path of PRIV.EDB>) already, which has neither a drive
        // nor an exchsrvr folder: binFolder gives null for it, and the bin folder stays a placeholder too
        String bin = safeDbs.isEmpty() ? null : binFolder(safeDbs.get(0));
        String binName = bin == null ? "<exchsrvr>\\bin" : bin;
        return new Names(ctx.isCluster(), vs, node, group, resources, safeDbs,
                name("DB Log Path", log, "DB Log Path", unsafe), binName, cps, dsRestored(ctx), unsafe);
    }

    /**
     * The {@code exchsrvr\bin} folder of a database path: {@code D:\exchsrvr\MDBDATA\PRIV.EDB} gives
     * {@code D:\exchsrvr\bin} (exchange-restore.md 7: isinteg lives in {@code \exchsrvr\bin}); a path without an
     * {@code exchsrvr} folder gives {@code <drive>:\exchsrvr\bin}, the installation's default; null without a drive.
     */
    static String binFolder(String dbPath) {
        String p = dbPath.replace('/', '\\');
        int i = p.toLowerCase(Locale.ROOT).indexOf("\\exchsrvr\\");
        if (i >= 0) {
            return p.substring(0, i) + "\\exchsrvr\\bin";
        }
        if (p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':') {
            return p.substring(0, 2) + "\\exchsrvr\\bin";
        }
        return null;
    }

    private static boolean dsRestored(CheckContext ctx) {
        if (ctx.restoreInProgress("MSExchangeDS") != null) {
            return true;
        }
        for (Evidence e : ctx.evidence()) {
            String n = String.valueOf(e.path().getFileName()).toUpperCase(Locale.ROOT);
            if (e.kind().isEse() && (n.equals("DIR.EDB") || n.equals("DIR.PAT"))) {
                return true;
            }
        }
        return false;
    }

    /** The placeholder of a DB Path left out of the commands: "the DB Path of " and the store's usual file name. */
    static final String DB_PATH_OF = "the DB Path of ";

    /**
     * The file a restore copies to {@code db} (a registered path, or its placeholder): the path's file name, or
     * the store's usual name (PRIV.EDB, PUB.EDB) when the path was left out of the commands.
     */
    static String backupFile(String db) {
        String open = "<" + DB_PATH_OF;
        if (db.startsWith(open) && db.endsWith(">")) {
            return db.substring(open.length(), db.length() - 1);
        }
        return db.substring(Math.max(db.lastIndexOf('\\'), db.lastIndexOf('/')) + 1);
    }

    /**
     * A name as it may go into a command line: as read when it is a plain name, else the placeholder
     * {@code <what>} (and a line in {@code unsafe} when it was there but could not be used). The rule is
     * {@link CommandText}'s, the one the rules' remedies follow too.
     */
    static String name(String what, String value, String placeholder, List<String> unsafe) {
        if (value != null && !value.isBlank()) {
            String why = CommandText.unsafe(value);
            if (why != null) {
                unsafe.add(what + " is left out of the commands: " + why);
            }
        }
        return CommandText.name(value, placeholder);
    }
}
