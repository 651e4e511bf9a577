package org.patchlens.rules;

import java.util.List;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.model.Source;

/** IN-01: at least one SYSTEM hive and one store file among the evidence. */
final class In01RequiredEvidence extends RuleUnit {
    In01RequiredEvidence() {
        super("Required evidence present", Severity.HIGH, Confidence.CONFIRMED, List.of(),
                "Copy `%SystemRoot%\\system32\\config\\SYSTEM` (and `SYSTEM.LOG`, `SYSTEM.ALT`) from the node that "
                        + "owned the Exchange group, and the headers of priv.edb/pub.edb/dir.edb, edb*.log, *.pat, "
                        + "edb.chk (or `eseutil /mh`, `/ml`, `/mk` output).");
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
        return List.of(Finding.fail(Rule.IN_01, "evidence inventory", expected, Source.NONE, actual, Source.NONE,
                remedy()));
    }
}
