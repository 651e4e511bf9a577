package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.model.CommandText;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/** ESE-01: the databases are Consistent after an offline restore. */
final class Ese01DatabaseState extends RuleUnit {
    /** Before the restore: the backup is not what an offline restore needs; what to ask for instead. */
    private static final String NOT_CLEAN = "Not a clean offline copy: do not restore <db> offline. Ask for an "
            + "offline copy taken after the Exchange services were stopped cleanly (`eseutil /mh <db>` must show "
            + "State: Consistent), or restore the online backup of the same store with its logs and patch files "
            + "instead (KB Q296787, Q185577).";

    Ese01DatabaseState() {
        super("Database state fits the restore type", Severity.CRIT, Confidence.CONFIRMED,
                List.of("Q296787", "Q185577"),
                "<db> was copied while dirty: the offline backup is not usable as is. Use another backup taken after "
                        + "a clean stop (`eseutil /mh <db> | find /i \"consistent\"` must show Consistent), or "
                        + "supply every log from its Last Attach onward and let soft recovery run; `eseutil /p` "
                        + "only as a last resort (KB Q296787, Q185577).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        StoreView s = c.store();
        if (s.databases().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_01, "no database header among the evidence"));
        }
        if (c.restore() == Effective.UNKNOWN) {
            return List.of(Finding.skipped(Rule.ESE_01, "restore type unknown"));
        }
        // the expectation comes from --restore-type, or from the evidence when the type was decided automatically
        Source expectedSrc = c.options().restoreType() == CheckOptions.RestoreType.AUTO ? Source.NONE
                : Source.option("--restore-type");
        List<Finding> out = new ArrayList<>();
        for (Item<DatabaseHeader> d : s.databases()) {
            DatabaseHeader h = d.header();
            Source src = d.field("State", 52);
            String state = h.stateName() + " (" + h.state() + "), Last Consistent " + h.consistentPosition().eseutil();
            if (c.restore().offline()) {
                if (h.cleanShutdown()) {
                    out.add(Finding.pass(Rule.ESE_01, d.name(), "Consistent (offline restore)", Source.NONE, state,
                            src));
                } else if (c.beforeRestore()) {
                    // before the restore the copy can still be replaced: say what to ask for instead
                    out.add(Finding.fail(Rule.ESE_01, d.name(), "Consistent: a clean offline copy", expectedSrc,
                            state + ": not a clean offline copy", src, withLeftOut(NOT_CLEAN.replace("<db>", db(d)),
                            leftOut(d))));
                } else {
                    out.add(Finding.fail(Rule.ESE_01, d.name(), "Consistent (offline restore)",
                            expectedSrc, state, src, withLeftOut(remedy("<db>", db(d)), leftOut(d))));
                }
            } else {
                out.add(Finding.pass(Rule.ESE_01, d.name(), "Inconsistent expected (online restore; RIP-07 checks a "
                        + "Consistent one)", Source.NONE, state, src));
            }
        }
        return out;
    }

    /**
     * The database's file name as {@code eseutil /mh} takes it: the name comes from the evidence (the file as
     * copied, or the "Database:" line of an eseutil dump), so it goes into the command only when cmd.exe takes
     * it as a name.
     */
    private static String db(Item<DatabaseHeader> d) {
        return CommandText.name(d.fileName(), "the database file");
    }

    private static String leftOut(Item<DatabaseHeader> d) {
        return CommandText.leftOut("The database's file name", d.fileName());
    }
}
