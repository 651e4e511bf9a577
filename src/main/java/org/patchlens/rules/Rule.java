package org.patchlens.rules;

import static org.patchlens.rules.RestoreStep.FIRST_START;
import static org.patchlens.rules.RestoreStep.ONLINE;
import static org.patchlens.rules.RestoreStep.PATCH;
import static org.patchlens.rules.Stage.AFTER_PATCH;
import static org.patchlens.rules.Stage.AFTER_RESTORE;
import static org.patchlens.rules.Stage.BEFORE_RESTORE;
import static org.patchlens.rules.StageRole.judge;
import static org.patchlens.rules.StageRole.notApplicable;
import static org.patchlens.rules.StageRole.predict;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of the rule catalog (../shared/docs/exchange-restore.md section 10, refined in
 * docs/rules-notes.md): every rule once, in catalog order, each naming the one class that declares and checks
 * it. The constant's name is the rule's ID ({@code CLU_08} is CLU-08). The engine runs the rules from this
 * list, and {@code patchlens rules}, docs/rules.md, the counts and every finding take the catalog from it; an
 * enum rather than a search of the classpath, so that a run loads exactly these classes and nothing more.
 *
 * <p>Each entry also declares what the rule does at each {@link Stage} of the restore ({@link StageRole}): judge
 * the state, predict (before the restore: the step at which the problem will show and what the administrator will
 * see then), or not apply (with the reason). {@code RuleStagesTest} fails the build on a rule that leaves a stage
 * undeclared; after the restore every rule judges, as it always did.
 */
public enum Rule {
    IN_01(new In01RequiredEvidence(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    IN_02(new In02FilesIdentified(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    IN_03(new In03HiveNotDirty(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    IN_04(new In04ControlSet(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    IN_05(new In05ControlSetsAgree(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    IN_06(new In06OperatorFacts(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    IN_07(new In07ClusterEvidence(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_01(new Reg01ServiceKeys(),
            predict(FIRST_START,
                    "the Exchange services are missing or incomplete: the DS stops with 1016 \"Missing configuration "
                            + "parameter\" and 1002 (KB Q263548)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_02(new Reg02DatabasePaths(),
            predict(FIRST_START,
                    "the store opens the file at DB Path, not the restored one (KB Q183266)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_03(new Reg03LogPaths(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_04(new Reg04DirectoryPaths(),
            predict(FIRST_START,
                    "DS event 1016 \"Missing configuration parameter (DSA Database file)\" and 1002 (KB Q263548)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_05(new Reg05PathsInLogs(),
            predict(FIRST_START,
                    "ESE97 event 132, error -1811: the database is not at the path in the log header (KB Q190440)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_06(new Reg06CircularLogging(),
            predict(FIRST_START,
                    "replay stops at the first log circular logging overwrote: error 3355443765, a gap in the log "
                            + "files (KB Q269782, Q296787)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_07(new Reg07OrgAndSite(),
            predict(FIRST_START,
                    "MSExchangeIS event 1088, error 1276: the database's org/site differs from the directory's "
                            + "(KB Q155509)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_08(new Reg08ServerName(),
            predict(FIRST_START,
                    "7202 \"database has been copied from the server X to the server Y\", 1005 error 0x3f4, SCM 7024 "
                            + "service-specific error 1012 (KB Q280770)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    REG_09(new Reg09StartTypes(),
            predict(ONLINE,
                    "the disabled service does not start when its resource comes online: ClusSvc 1042 \"Cluster "
                            + "generic service ... failed\" (inferred from KB Q290651)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    RIP_01(new Rip01KeyPresence(),
            notApplicable(BEFORE_RESTORE,
                    "the backup program writes the Restore in Progress key during the online restore: there is none "
                            + "to read yet"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    RIP_02(new Rip02KeyValues(),
            notApplicable(BEFORE_RESTORE,
                    "the backup program writes the Restore in Progress key during the online restore: there is none "
                            + "to read yet"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    RIP_03(new Rip03AfterPaths(),
            notApplicable(BEFORE_RESTORE,
                    "the backup program writes the Restore in Progress key during the online restore: there is none "
                            + "to read yet"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    RIP_04(new Rip04BeforePaths(),
            notApplicable(BEFORE_RESTORE,
                    "the backup program writes the Restore in Progress key during the online restore: there is none "
                            + "to read yet"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    RIP_05(new Rip05LogRange(),
            notApplicable(BEFORE_RESTORE,
                    "the backup program writes the Restore in Progress key during the online restore: there is none "
                            + "to read yet"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    RIP_06(new Rip06TapeLogs(),
            notApplicable(BEFORE_RESTORE,
                    "the backup program writes the Restore in Progress key during the online restore: there is none "
                            + "to read yet"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    RIP_07(new Rip07FirstStart(),
            notApplicable(BEFORE_RESTORE,
                    "nothing has started yet: PRC-05 and the steps say how the first start is made (never isinteg or "
                            + "eseutil /r first, KB Q231299)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_01(new Clu01ExchangeGroup(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_02(new Clu02MtaName(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_03(new Clu03RestoreTarget(),
            notApplicable(BEFORE_RESTORE,
                    "the Restore in Progress key that records the restore's target is written by the online restore"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_04(new Clu04NodeName(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_05(new Clu05NetworkName(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_06(new Clu06PossibleOwners(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_07(new Clu07Dependencies(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_08(new Clu08CheckpointDrift(),
            predict(ONLINE,
                    "the cluster replays the checkpoint over the live values; after isinteg -patch the store asks "
                            + "for it again: 1087/1011 (KB Q185942, Q288562)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_09(new Clu09CheckpointCoverage(),
            predict(ONLINE,
                    "the Restore in Progress key vanishes: DS 1002 error -528 and ClusSvc 1042, IS 1120 and 5000 "
                            + "\"Current log file missing\" (KB Q188674, Q238063)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_10(new Clu10CheckpointFiles(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    CLU_11(new Clu11HiveCopies(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_01(new Ese01DatabaseState(),
            predict(FIRST_START,
                    "MSExchangeIS 1120 and 5000 \"Database is in inconsistent state\" (KB Q185577)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_02(new Ese02LogSignature(),
            predict(FIRST_START,
                    "replay stops: error -530 JET_errBadLogSignature (3355443730, 0xc8000212, KB Q200941)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_03(new Ese03ForeignLogs(),
            predict(FIRST_START,
                    "replay stops at the foreign log: error -530 JET_errBadLogSignature (3355443730, 0xc8000212, KB "
                            + "Q200941)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_04(new Ese04AnchorLog(),
            predict(FIRST_START,
                    "-528 JET_errMissingLogFile: IS 1120 and 5000 \"Current log file missing\", DS 1002 (KB Q238063, "
                            + "Q188674)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_05(new Ese05LogGaps(),
            predict(FIRST_START,
                    "error 3355443765: a gap in the restored log files (KB Q269782)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_06(new Ese06CurrentLog(),
            predict(FIRST_START,
                    "-528 JET_errMissingLogFile: IS 1120 and 5000 \"Current log file missing\" (KB Q238063, Q296787)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_07(new Ese07CheckpointFile(),
            predict(FIRST_START,
                    "recovery starts at edb.chk's generation instead of the anchor log: ESE97 108/109 name a later "
                            + "log (KB Q296787)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_08(new Ese08HeaderChecksums(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    ESE_09(new Ese09PatchFiles(),
            predict(FIRST_START,
                    "hard recovery cannot use the patch file: MSExchangeIS 1080, -552 (0xc8000228) "
                            + "(KB Q231299, Q200941)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    PRC_01(new Prc01SetLineSpelling(),
            predict(PATCH,
                    "isinteg -patch appears to succeed, then 7202, 1005 and SCM 7024 service-specific error 1012 "
                            + "again (KB Q280770)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    PRC_02(new Prc02SetLineValue(),
            predict(PATCH,
                    "\"The private store could not be updated. Reason: JET_errKeyDuplicate\" (KB Q178311)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    PRC_03(new Prc03MachineWideVariable(),
            judge(BEFORE_RESTORE),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    PRC_04(new Prc04IsintegVersion(),
            predict(ONLINE,
                    "the cluster replays its checkpoint over what isinteg -patch wrote, and the store asks for "
                            + "isinteg -patch again: 1087/1011 (KB Q185942, Q288562)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    PRC_05(new Prc05StartPath(),
            predict(ONLINE,
                    "offline: the store asks for isinteg -patch again, 1087/1011 (KB Q185942); online: the Restore "
                            + "in Progress key vanishes, DS 1002 -528 and ClusSvc 1042, IS 1120/5000 (KB Q188674)"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH)),
    PRC_06(new Prc06IsintegRuns(),
            notApplicable(BEFORE_RESTORE,
                    "isinteg -patch has not run yet: PRC-01, PRC-02 and the steps say when and how it runs"),
            judge(AFTER_RESTORE), judge(AFTER_PATCH));

    private final String id;
    private final RuleUnit unit;
    private final Map<Stage, StageRole> roles;

    Rule(RuleUnit unit, StageRole... roles) {
        this.id = name().replace('_', '-');
        this.unit = unit;
        Map<Stage, StageRole> m = new EnumMap<>(Stage.class);
        for (StageRole r : roles) {
            if (m.put(r.stage(), r) != null) {
                throw new IllegalStateException(id + " declares " + r.stage().label() + " twice");
            }
        }
        this.roles = Collections.unmodifiableMap(m);
    }

    /** What this rule does at {@code stage}; null when it does not say (RuleStagesTest fails the build then). */
    public StageRole role(Stage stage) {
        return roles.get(stage);
    }

    /** Every stage this rule declares, with what it does there. */
    public Map<Stage, StageRole> roles() {
        return roles;
    }

    /** "CLU-08". */
    public String id() {
        return id;
    }

    public String title() {
        return unit.title();
    }

    /** The family: IN, REG, RIP, CLU, ESE or PRC. */
    public String family() {
        return id.substring(0, id.indexOf('-'));
    }

    /** The catalog severity (the highest this rule reports; see {@link #severityNote()}). */
    public Severity severity() {
        return unit.severity();
    }

    public Confidence confidence() {
        return unit.confidence();
    }

    /** When the severity depends on the case ("CRIT for offline roll-forward, WARN for online"), else "". */
    public String severityNote() {
        return unit.severityNote();
    }

    /** KB article numbers, e.g. "Q288562". */
    public List<String> kb() {
        return unit.kb();
    }

    /** The catalog remedy, with its placeholders (&lt;VNAME&gt;, &lt;db&gt;, ...); a finding fills them in. */
    public String remedy() {
        return unit.remedy();
    }

    /** Every result of this rule over the evidence (at least one). */
    List<Finding> check(CheckContext c) {
        return unit.check(c);
    }

    /** The class that declares and checks this rule. */
    RuleUnit unit() {
        return unit;
    }

    /** The rule a unit is registered as. */
    static Rule of(RuleUnit unit) {
        for (Rule r : values()) {
            if (r.unit == unit) {
                return r;
            }
        }
        throw new IllegalArgumentException(unit.getClass().getSimpleName() + " is not registered");
    }

    public static Rule byId(String id) {
        for (Rule r : values()) {
            if (r.id.equalsIgnoreCase(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no rule " + id);
    }
}
