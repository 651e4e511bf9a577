package org.patchlens.rules;

import java.util.List;

/**
 * The registry of the rule catalog (../shared/docs/exchange-restore.md section 10, refined in
 * docs/rules-notes.md): every rule once, in catalog order, each naming the one class that declares and checks
 * it. The constant's name is the rule's ID ({@code CLU_08} is CLU-08). The engine runs the rules from this
 * list, and {@code patchlens rules}, docs/rules.md, the counts and every finding take the catalog from it; an
 * enum rather than a search of the classpath, so that a run loads exactly these classes and nothing more.
 */
public enum Rule {
    IN_01(new In01RequiredEvidence()),
    IN_02(new In02FilesIdentified()),
    IN_03(new In03HiveNotDirty()),
    IN_04(new In04ControlSet()),
    IN_05(new In05ControlSetsAgree()),
    IN_06(new In06OperatorFacts()),
    IN_07(new In07ClusterEvidence()),
    REG_01(new Reg01ServiceKeys()),
    REG_02(new Reg02DatabasePaths()),
    REG_03(new Reg03LogPaths()),
    REG_04(new Reg04DirectoryPaths()),
    REG_05(new Reg05PathsInLogs()),
    REG_06(new Reg06CircularLogging()),
    REG_07(new Reg07OrgAndSite()),
    REG_08(new Reg08ServerName()),
    REG_09(new Reg09StartTypes()),
    RIP_01(new Rip01KeyPresence()),
    RIP_02(new Rip02KeyValues()),
    RIP_03(new Rip03AfterPaths()),
    RIP_04(new Rip04BeforePaths()),
    RIP_05(new Rip05LogRange()),
    RIP_06(new Rip06TapeLogs()),
    RIP_07(new Rip07FirstStart()),
    CLU_01(new Clu01ExchangeGroup()),
    CLU_02(new Clu02MtaName()),
    CLU_03(new Clu03RestoreTarget()),
    CLU_04(new Clu04NodeName()),
    CLU_05(new Clu05NetworkName()),
    CLU_06(new Clu06PossibleOwners()),
    CLU_07(new Clu07Dependencies()),
    CLU_08(new Clu08CheckpointDrift()),
    CLU_09(new Clu09CheckpointCoverage()),
    CLU_10(new Clu10CheckpointFiles()),
    CLU_11(new Clu11HiveCopies()),
    ESE_01(new Ese01DatabaseState()),
    ESE_02(new Ese02LogSignature()),
    ESE_03(new Ese03ForeignLogs()),
    ESE_04(new Ese04AnchorLog()),
    ESE_05(new Ese05LogGaps()),
    ESE_06(new Ese06CurrentLog()),
    ESE_07(new Ese07CheckpointFile()),
    ESE_08(new Ese08HeaderChecksums()),
    ESE_09(new Ese09PatchFiles()),
    PRC_01(new Prc01SetLineSpelling()),
    PRC_02(new Prc02SetLineValue()),
    PRC_03(new Prc03MachineWideVariable()),
    PRC_04(new Prc04IsintegVersion()),
    PRC_05(new Prc05StartPath()),
    PRC_06(new Prc06IsintegRuns());

    private final String id;
    private final RuleUnit unit;

    Rule(RuleUnit unit) {
        this.id = name().replace('_', '-');
        this.unit = unit;
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
