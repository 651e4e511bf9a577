package org.patchlens.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.patchlens.runbook.Runbook;
import java.util.function.Function;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.evidence.Evidence;
import org.patchlens.hive.ValueType;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.rules.Finding;

/**
 * Everything the restore-check workbook shows, as immutable records. {@code check} fills it
 * from its results; the writer ({@link ReportWorkbook}) only lays it out and computes nothing
 * but counts. Lists are copied; {@link #registry} is an {@link Iterable} so a very large
 * comparison can be streamed (it is iterated once).
 *
 * @param verdict      the one-line verdict, e.g. "Store will not start: 3 CRIT, 2 HIGH"
 * @param findings     every rule result, in the order the Findings sheet shows them
 * @param remedies     what the administrator should do, in order
 * @param restore      the restore type detected and why
 * @param cluster      the cluster facts (or {@link ClusterFacts#NONE} for a standalone server)
 * @param evidence     every input file
 * @param registry     every registry value the rules read, one row per value per source
 * @param clusterRows  groups, resources, nodes and checkpoint entries of every cluster hive
 * @param store        the store headers side by side
 * @param logChain     the log files in generation order, gaps as their own rows
 * @param run          tool version, command line, run time
 * @param runbook      the ordered plan of the restore (the Runbook sheet), or {@link Runbook#NONE}
 */
public record Report(String verdict, List<Finding> findings, List<Remedy> remedies, Restore restore,
                     ClusterFacts cluster, List<Evidence> evidence, Iterable<RegistryRow> registry,
                     List<ClusterRow> clusterRows, StoreHeaders store, List<LogEntry> logChain, Run run,
                     Runbook runbook) {

    /** A report without a runbook (its sheet then says so). */
    public Report(String verdict, List<Finding> findings, List<Remedy> remedies, Restore restore,
                  ClusterFacts cluster, List<Evidence> evidence, Iterable<RegistryRow> registry,
                  List<ClusterRow> clusterRows, StoreHeaders store, List<LogEntry> logChain, Run run) {
        this(verdict, findings, remedies, restore, cluster, evidence, registry, clusterRows, store, logChain, run,
                Runbook.NONE);
    }

    public Report {
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        remedies = List.copyOf(remedies);
        restore = restore == null ? Restore.UNKNOWN : restore;
        cluster = cluster == null ? ClusterFacts.NONE : cluster;
        evidence = List.copyOf(evidence);
        registry = registry == null ? List.of() : registry;
        clusterRows = List.copyOf(clusterRows);
        store = store == null ? StoreHeaders.NONE : store;
        logChain = List.copyOf(logChain);
        Objects.requireNonNull(run, "run");
        runbook = runbook == null ? Runbook.NONE : runbook;
    }

    /**
     * One step for the administrator.
     *
     * @param action   what to do and why (one remedy; the remedies of several findings of one rule merged
     *                 into one text that names all their objects)
     * @param commands the exact lines to type, in order (may be empty); a command of one of several
     *                 alternatives says which ("(2)")
     * @param rules    the rule IDs this step answers ("CLU-08")
     * @param findings how many findings this step answers
     */
    public record Remedy(String action, List<Command> commands, List<String> rules, int findings) {
        public Remedy {
            commands = List.copyOf(commands);
            rules = List.copyOf(rules);
        }

        /** A step for one finding whose commands are typed in order. */
        public static Remedy of(String action, List<String> commands, List<String> rules) {
            return new Remedy(action, commands.stream().map(c -> new Command("", c)).toList(), rules, 1);
        }
    }

    /**
     * A line to type.
     *
     * @param alternative "" when the step's lines are typed in order; else the alternative of the step it
     *                    belongs to, as the remedy numbers it ("(2)")
     * @param line        the command exactly as the remedy quotes it
     */
    public record Command(String alternative, String line) {
    }

    /**
     * The restore type detected ("online", "offline-pit", ...) and the evidence that decided it; the stage of the
     * restore at which the evidence was copied ("before-restore", ...) and why ("" when not known).
     */
    public record Restore(String type, String why, String stage, String stageWhy) {
        public static final Restore UNKNOWN = new Restore("unknown", "");

        public Restore(String type, String why) {
            this(type, why, "", "");
        }
    }

    /**
     * The cluster facts of the Summary.
     *
     * @param virtualServer the Exchange virtual server name (the Network Name resource's Parameters\Name)
     * @param exchangeGroup the Exchange group's name
     * @param nodes         the cluster node names
     * @param nodeName      the SYSTEM hive's computer name (the node the evidence was copied from)
     * @param source        where the virtual server name was read
     */
    public record ClusterFacts(String virtualServer, String exchangeGroup, List<String> nodes, String nodeName,
                               Source source) {
        public static final ClusterFacts NONE = new ClusterFacts("", "", List.of(), "", Source.NONE);

        public ClusterFacts {
            nodes = List.copyOf(nodes);
            source = source == null ? Source.NONE : source;
        }

        public boolean isCluster() {
            return !virtualServer.isEmpty() || !nodes.isEmpty() || !exchangeGroup.isEmpty();
        }
    }

    /**
     * One registry value as read from one source.
     *
     * @param role        the source's role: "live SYSTEM", "checkpoint 00000004", "cluster hive", ...
     * @param key         the key path (as in the source hive)
     * @param valueName   the value name ("" for the default value)
     * @param present     false when the value is absent from this source (then type/value/hex are empty)
     * @param type        REG_SZ, REG_DWORD, ...
     * @param value       the decoded value as text
     * @param hex         the raw data as hex
     * @param lastWritten the key's last-written time, raw FILETIME (0 when unknown)
     * @param source      file, key : value name and the value's byte offset
     * @param rules       the rules that compared this value ("CLU-08, REG-08")
     * @param note        e.g. "newer than the checkpoint"
     */
    public record RegistryRow(String role, String key, String valueName, boolean present, String type, String value,
                              String hex, long lastWritten, Source source, String rules, String note) {
        /** A value a rule read ({@link RegValue}), from the key at {@code keyPath}. */
        public static RegistryRow of(String role, String keyPath, RegValue v, String rules, String note) {
            return new RegistryRow(role, keyPath, v.name(), true, ValueType.name(v.typeCode()), v.text(),
                    java.util.HexFormat.of().formatHex(v.data()), v.keyLastWritten(), v.source(), rules, note);
        }

        /** A value that a source does not have. */
        public static RegistryRow absent(String role, String file, String keyPath, String valueName, long keyLastWritten,
                                         String rules, String note) {
            return new RegistryRow(role, keyPath, valueName, false, "", "", "", keyLastWritten,
                    new Source(file, keyPath + " : " + (valueName.isEmpty() ? "(default)" : valueName), -1), rules,
                    note);
        }
    }

    /**
     * One row of the Cluster sheet: a group, a resource, a node or a registry checkpoint entry.
     *
     * @param record       "group", "resource", "node" or "checkpoint"
     * @param clusterHive  the cluster hive it was read from
     * @param group        the group's name (for a resource or checkpoint: its group)
     * @param name         the record's name (group, resource or node name; for a checkpoint its resource)
     * @param guid         the key name (GUID for groups and resources, node ID for nodes)
     * @param type         the resource type; for a group its member count
     * @param owners       possible owners (resource) or members (group)
     * @param detail       Network Name's Name, Generic Service's ServiceName, or the checkpoint's RegSync value name
     * @param path         the checkpointed HKLM path (checkpoint rows)
     * @param file         the matching checkpoint file (checkpoint rows), or "" when none was found
     * @param lastWritten  the record's key last-written time, raw FILETIME (0 when unknown)
     */
    public record ClusterRow(String record, String clusterHive, String group, String name, String guid, String type,
                             String owners, String detail, String path, String file, long lastWritten) {

        /**
         * The rows of one cluster model: groups, resources, nodes, then every checkpoint entry.
         *
         * @param checkpointFile the evidence name of the checkpoint file of (resource GUID, RegSync value
         *                       name), or null when it is not in the evidence
         */
        public static List<ClusterRow> of(ClusterModel m, java.util.function.BiFunction<String, String, String>
                checkpointFile) {
            List<ClusterRow> rows = new ArrayList<>();
            Function<String, String> groupOf = guid -> String.join(", ",
                    m.groupsOf(guid).stream().map(g -> nz(g.name())).toList());
            for (ClusterModel.Group g : m.groups()) {
                List<String> members = g.contains().stream()
                        .map(id -> m.resource(id).map(r -> nz(r.name())).orElse(id)).toList();
                rows.add(new ClusterRow("group", m.file(), nz(g.name()), nz(g.name()), g.guid(),
                        members.size() + " resources", String.join(", ", members), "", "", "",
                        g.key() == null ? 0 : g.key().lastWrittenRaw()));
            }
            for (ClusterModel.Resource r : m.resources()) {
                String detail = r.isType("Network Name") ? "Name=" + nz(r.parameter("Name"))
                        : r.serviceName() != null ? "ServiceName=" + r.serviceName() : "";
                rows.add(new ClusterRow("resource", m.file(), groupOf.apply(r.guid()), nz(r.name()), r.guid(),
                        nz(r.type()), String.join(", ", r.possibleOwners()), detail, "", "",
                        r.key() == null ? 0 : r.key().lastWrittenRaw()));
            }
            for (ClusterModel.Node n : m.nodes()) {
                rows.add(new ClusterRow("node", m.file(), "", nz(n.name()), n.id(), "", "", "", "", "", 0));
            }
            for (ClusterModel.Resource r : m.resources()) {
                for (ClusterModel.Checkpoint c : r.checkpoints()) {
                    String f = checkpointFile == null ? null : checkpointFile.apply(r.guid(), c.valueName());
                    rows.add(new ClusterRow("checkpoint", m.file(), groupOf.apply(r.guid()), nz(r.name()), r.guid(),
                            nz(r.type()), "", c.valueName(), c.path(), f == null ? "" : f,
                            r.key() == null ? 0 : r.key().lastWrittenRaw()));
                }
            }
            return rows;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    /**
     * One header field of one store file as the Store sheet shows it: the value as eseutil prints it and
     * the byte offsets in the file of the header fields behind it (empty when not known, e.g. a log header
     * or a field of an eseutil text dump).
     */
    public record Datum(String value, List<Long> offsets) {
        public static final Datum NONE = new Datum("", List.of());

        public Datum {
            value = value == null ? "" : value;
            offsets = List.copyOf(offsets);
        }

        public static Datum text(String s) {
            return new Datum(s, List.of());
        }

        public static Datum at(String s, long... offsets) {
            return new Datum(s, java.util.Arrays.stream(offsets).boxed().toList());
        }

        /** "0x34", "0x38, 0x40", or "". */
        public String offsetText() {
            return String.join(", ", offsets.stream().map(o -> String.format("0x%X", o)).toList());
        }
    }

    /**
     * One store file of the Store sheet: the evidence name, its kind ("database", "log", ...) and which copy
     * of its header the column shows ("" for the copy the reader used; "shadow copy @0x1000" for the other
     * one, shown when the two copies differ).
     */
    public record StoreFile(String name, String kind, String copy) {
        public StoreFile(String name, String kind) {
            this(name, kind, "");
        }

        /** The column header: "PRIV.EDB (database)", "PRIV.EDB (database, shadow copy @0x1000)". */
        public String header() {
            return name + " (" + kind + (copy.isEmpty() ? "" : ", " + copy) + ")";
        }
    }

    /** One header field across the store files (eseutil's label): {@code values.get(i)} belongs to {@code files.get(i)}. */
    public record StoreField(String field, List<Datum> values) {
        public StoreField {
            values = List.copyOf(values);
        }
    }

    /** The store headers side by side. */
    public record StoreHeaders(List<StoreFile> files, List<StoreField> fields) {
        public static final StoreHeaders NONE = new StoreHeaders(List.of(), List.of());

        public StoreHeaders {
            files = List.copyOf(files);
            fields = List.copyOf(fields);
            for (StoreField f : fields) {
                if (f.values().size() > files.size()) {
                    throw new IllegalArgumentException(f.field() + ": more values than files");
                }
            }
        }
    }

    /**
     * One entry of the log chain.
     *
     * @param generation the log generation (lGeneration)
     * @param file       the log file ("" for a gap row)
     * @param state      OK, GAP (missing generations), FOREIGN (another signature), ...
     * @param signature  the log signature as text
     * @param created    the log's creation time, or null
     * @param createdRaw the LOGTIME as stored (hex bytes)
     * @param note       e.g. "generations 0x14-0x16 missing"
     */
    public record LogEntry(long generation, String file, String state, String signature, Instant created,
                           String createdRaw, String note) {
    }

    /**
     * How the report was made.
     *
     * @param toolVersion the patchlens version
     * @param commandLine the arguments as typed
     * @param runTime     when the check ran (UTC)
     */
    public record Run(String toolVersion, List<String> commandLine, Instant runTime) {
        public Run {
            commandLine = List.copyOf(commandLine);
            Objects.requireNonNull(runTime, "runTime");
        }
    }
}
