package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.model.Source;

/** IN-02: every file readable, and its content the kind its name promises. */
final class In02FilesIdentified extends RuleUnit {
    In02FilesIdentified() {
        super("Files readable, hashed and identified by content", Severity.HIGH, Confidence.CONFIRMED, List.of(),
                "Re-copy <file> with a byte-exact copy; the content is a <kind>, not a <named kind>.");
    }

    @Override
    List<Finding> check(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        for (Evidence e : c.evidence()) {
            Source src = new Source(e.name(), "file", -1);
            if (EvidenceScanner.isNotFollowed(e)) {
                // links, FIFOs and devices in a folder: never followed, so what they stand for was not seen
                out.add(Finding.warn(Rule.IN_02, Severity.WARN, e.name(), "every entry of the folder a file", src,
                        e.detail(), src, "Name the files behind them by option (--system FILE, --cluster FILE, --store "
                                + "FILE, --logs DIR), or copy them into the folder. This check did not see them."));
                continue;
            }
            if (e.kind() == EvidenceKind.NOT_WALKED) {
                // a limit of the folder walk: what it did not look at is said, and the check is incomplete
                out.add(Finding.warn(Rule.IN_02, Severity.WARN, e.name(), "every file of the folder looked at", src,
                        e.detail(), src, "Check what the walk left out on its own: the folder " + e.path()
                                + " (patchlens check FOLDER), or, past the file limit, its subfolders one at a time; or "
                                + "name the evidence files by option (--system, --cluster, --store, --logs). This check "
                                + "did not see them."));
                continue;
            }
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
            Optional<String> late = c.readError(e.name());
            if (late.isPresent()) {
                // identified by its content, then unreadable when the check read it: its rules went without it
                out.add(Finding.fail(Rule.IN_02, e.name(), "a readable " + e.kind().label(), src,
                        "unreadable when read for the checks: " + late.get(), src,
                        "Re-copy " + e.name() + " with a byte-exact copy, and keep it unchanged while patchlens reads "
                                + "it."));
                continue;
            }
            if (named != null && !named.equals(e.kind().name()) && !compatible(named, e.kind())) {
                out.add(Finding.fail(Rule.IN_02, e.name(), "content matching the name ("
                                + EvidenceKind.valueOf(named).label() + ")", src,
                        e.kind().label() + " (" + e.detail() + ")", src,
                        remedy("<file>", e.name(), "<kind>", e.kind().label(), "<named kind>",
                                EvidenceKind.valueOf(named).label())));
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
        // Exchange 5.5 names its logs edb.log, edbXXXXX.log, res1/res2.log; ESE since Exchange 2000 E00.log,
        // E00XXXXX.log, E00XXXXXXXX.log (any two-hex-digit base), E00tmp.log, reserve logs E00res00001.jrs
        if (n.matches("edb[0-9a-f]*\\.log|res[12]\\.log|e[0-9a-f]{2}([0-9a-f]{5}|[0-9a-f]{8}|tmp)?\\.log"
                + "|e[0-9a-f]{2}res[0-9a-f]{5}\\.jrs")) {
            return "ESE_LOG";
        }
        return null;
    }

    private static boolean compatible(String named, EvidenceKind actual) {
        // A .CPT outside a GUID folder is still a saved subtree; ESE kinds are told apart by the ESE reader.
        return named.equals("REGISTRY_CHECKPOINT") && actual == EvidenceKind.OTHER_HIVE;
    }
}
