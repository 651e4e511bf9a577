package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.IS_PRIVATE;
import static org.patchlens.rules.ExchangeKeys.IS_PUBLIC;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/**
 * REG-02: the IS database paths are absolute local .EDB paths naming the databases given, and each database the
 * registry names is among the evidence (a header or an eseutil /mh dump of it).
 */
final class Reg02DatabasePaths extends RegUnit {
    Reg02DatabasePaths() {
        super("IS database paths well-formed and match the evidence", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q183266", "Q296787"),
                "Copy <file> to <DB Path> - restore to the registered paths (KB Q183266).");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        List<Finding> out = new ArrayList<>();
        boolean any = false;
        for (String[] db : new String[][] {{IS_PRIVATE, "priv.edb"}, {IS_PUBLIC, "pub.edb"}}) {
            Optional<RegValue> p = v.value(db[0], "DB Path");
            if (v.key(db[0]) == null) {
                continue;
            }
            any = true;
            if (p.isEmpty()) {
                out.add(Finding.fail(Rule.REG_02, db[0] + " : DB Path", "a REG_SZ path to " + db[1].toUpperCase(),
                        Source.NONE, "missing", keySource(v, db[0]), "Re-create `DB Path` under " + db[0]
                                + " with the database's full path (KB Q183266)."));
                continue;
            }
            RegValue val = p.get();
            WinPath path = WinPath.of(val.text());
            if (!val.isString() || !path.isPlainLocal() || !path.fileName().toLowerCase().endsWith(".edb")) {
                out.add(Finding.fail(Rule.REG_02, db[0] + " : DB Path", "REG_SZ absolute local path X:\\...\\"
                        + db[1].toUpperCase(), Source.NONE, val.shown(), val.source(), "Set `DB Path` to the local "
                        + "path of the database, e.g. D:\\exchsrvr\\MDBDATA\\" + db[1].toUpperCase()
                        + " (KB Q183266)."));
                continue;
            }
            boolean mismatch = false;
            for (Evidence e : c.evidence(EvidenceKind.ESE_DATABASE)) {
                String fn = e.path().getFileName().toString();
                if (WinPath.sameFileName(fn, db[1]) && !WinPath.sameFileName(fn, path.fileName())) {
                    mismatch = true;
                    out.add(Finding.fail(Rule.REG_02, db[0] + " : DB Path", path.fileName(), val.source(), fn,
                            new Source(e.name(), "file name", -1), remedy("<file>", fn, "<DB Path>", val.text())));
                }
            }
            if (!mismatch && c.store().database(path.fileName()).isEmpty()) {
                // the store opens the file the registry names, but a file left out of the evidence may well be in
                // place on the server (only one store restored): said, below the rule's severity, not a blocker
                out.add(Finding.warn(Rule.REG_02, Severity.WARN, db[0] + " : DB Path", path.fileName()
                        + " among the evidence", val.source(), "not among the evidence", Source.NONE,
                        remedy("<file>", path.fileName(), "<DB Path>", val.text()))
                        .withDetail("no header of " + path.fileName() + " was given (the database file or its "
                                + "eseutil /mh output); if it is in place, add it to the evidence"));
            } else if (!mismatch) {
                out.add(Finding.pass(Rule.REG_02, db[0] + " : DB Path", "absolute local .EDB path", Source.NONE,
                        val.text(), val.source()));
            }
        }
        if (!any) {
            return List.of(Finding.skipped(Rule.REG_02, "no MSExchangeIS ParametersPrivate/ParametersPublic key"));
        }
        return out;
    }
}
