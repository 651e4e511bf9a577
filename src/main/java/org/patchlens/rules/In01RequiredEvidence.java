package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.IS_PRIVATE;
import static org.patchlens.rules.ExchangeKeys.IS_PUBLIC;

import java.util.List;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.model.CommandText;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** IN-01: at least one SYSTEM hive and one store file among the evidence. */
final class In01RequiredEvidence extends RuleUnit {
    /** The placeholders of the databases' paths, as the runbook's steps name them (runbook.Names). */
    private static final String PRIV_PATH = "the DB Path of PRIV.EDB";
    private static final String PUB_PATH = "the DB Path of PUB.EDB";

    In01RequiredEvidence() {
        super("Required evidence present", Severity.HIGH, Confidence.CONFIRMED, List.of(),
                "Copy `%SystemRoot%\\system32\\config\\SYSTEM` (and `SYSTEM.LOG`, `SYSTEM.ALT`) from the node that "
                        + "owned the Exchange group, and the headers of priv.edb/pub.edb/dir.edb, edb*.log, *.pat, "
                        + "edb.chk (or the output of `eseutil /mh <" + PRIV_PATH + ">`, `eseutil /mh <" + PUB_PATH
                        + ">`, and of `/ml` and `/mk`).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        long sys = c.evidence(EvidenceKind.SYSTEM_HIVE).size();
        long store = c.evidence().stream().filter(e -> switch (e.kind()) {
            case ESE_DATABASE, ESE_PATCH, ESE_CHECKPOINT, ESE_LOG, ESEUTIL_TEXT -> true;
            default -> false;
        }).count();
        String actual = sys + " SYSTEM hive(s), " + store + " store file(s)";
        String expected = ">= 1 SYSTEM hive, >= 1 store file (database, log, patch, checkpoint or eseutil text)";
        if (sys >= 1 && store >= 1) {
            return List.of(Finding.pass(Rule.IN_01, "evidence inventory", expected, Source.NONE, actual, Source.NONE));
        }
        // eseutil /mh needs the database's file: the registry's DB Path when the SYSTEM hive gives a usable one
        String priv = dbPath(c, IS_PRIVATE);
        String pub = dbPath(c, IS_PUBLIC);
        String remedy = withLeftOut(remedy("<" + PRIV_PATH + ">",
                        CommandText.argument(CommandText.name(priv, PRIV_PATH)), "<" + PUB_PATH + ">",
                        CommandText.argument(CommandText.name(pub, PUB_PATH))),
                CommandText.leftOut("The DB Path of PRIV.EDB", priv), CommandText.leftOut("The DB Path of PUB.EDB", pub));
        return List.of(Finding.fail(Rule.IN_01, "evidence inventory", expected, Source.NONE, actual, Source.NONE,
                remedy));
    }

    private static String dbPath(CheckContext c, String key) {
        return c.system().flatMap(v -> v.value(key, "DB Path")).filter(RegValue::isString).map(RegValue::text)
                .orElse(null);
    }
}
