package org.patchlens.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.model.Source;

/** PRC-04: isinteg carries the KB Q288562 fix, on Exchange 5.5 SP4. */
final class Prc04IsintegVersion extends RuleUnit {
    private static final Pattern VERSION = Pattern.compile("5\\.5\\.(\\d{4})\\.(\\d{1,9})");

    Prc04IsintegVersion() {
        super("isinteg version and service pack adequate", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q288562", "Q185942", "Q271634"),
                "Install Exchange 5.5 SP4 on both nodes (KB Q271634 for cluster hotfix steps), then the Isinteg.exe "
                        + "5.5.2654.62 (or later) fix (KB Q288562), then run isinteg -patch once.");
    }

    @Override
    List<Finding> check(CheckContext c) {
        String iv = c.options().isintegVersion();
        int exBuild = -1;
        Source exSrc = Source.NONE;
        if (c.options().exchangeSp() != null) {
            exBuild = build(c.options().exchangeSp());
            exSrc = Source.option("--exchange-sp");
        } else if (c.software().isPresent()) {
            var k = c.software().get().key("Microsoft\\Exchange\\Setup");
            var v = k == null ? null : k.value("NewestBuild");
            if (v != null && v.data().length == 4) {
                byte[] d = v.data();
                exBuild = (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFF) << 24;
                exSrc = new Source(c.evidence(EvidenceKind.SOFTWARE_HIVE).get(0).name(),
                        "Microsoft\\Exchange\\Setup : NewestBuild", v.fileOffset());
            }
        }
        Matcher m = iv == null ? null : VERSION.matcher(iv.trim());
        boolean ivKnown = m != null && m.matches();
        boolean buildKnown = exBuild >= 0;
        if (!ivKnown && !buildKnown) {
            return List.of(Finding.skipped(Rule.PRC_04, iv == null
                    ? "neither --isinteg-version nor an Exchange build is known"
                    : "--isinteg-version " + iv + " is not a 5.5.NNNN.N version (IN-06) and no Exchange build is "
                    + "known"));
        }
        if (!c.isCluster()) {
            return List.of(Finding.notApplicable(Rule.PRC_04,
                    "stand-alone server (the checkpoint rollback needs a cluster)"));
        }
        int ib = ivKnown ? Integer.parseInt(m.group(1)) : -1;
        int ip = ivKnown ? Integer.parseInt(m.group(2)) : -1;
        String remedy = remedy();
        String onBuild = buildKnown ? "build " + exBuild + " (" + spName(exBuild) + ")" : "";
        if (ib == 2654 && buildKnown && exBuild < 2653) {
            return List.of(Finding.fail(Rule.PRC_04, "Exchange build", ">= 2653 (SP4) for isinteg 5.5.2654.x",
                    Source.NONE, exBuild + " (" + spName(exBuild) + ")", exSrc, remedy));
        }
        if (ivKnown && (ib < 2654 || (ib == 2654 && ip < 62))) {
            return List.of(Finding.fail(Rule.PRC_04, "isinteg version", ">= 5.5.2654.62 (KB Q288562)", Source.NONE, iv
                    + (buildKnown ? " on " + onBuild : ""), Source.option("--isinteg-version"), remedy));
        }
        if (buildKnown && exBuild < 2653) {
            return List.of(Finding.fail(Rule.PRC_04, "Exchange build", ">= 2653 (SP4)", Source.NONE, exBuild + " ("
                    + spName(exBuild) + ")", exSrc, remedy));
        }
        // what was not known is said, not passed: a missing or unreadable isinteg version, an unknown build
        String unchecked = !ivKnown ? (iv == null ? "isinteg version not given" : "--isinteg-version " + iv
                + " is not a 5.5.NNNN.N version (IN-06)") + ": only the Exchange build was checked"
                : !buildKnown ? "Exchange build unknown (no --exchange-sp, no NewestBuild): only isinteg was checked"
                : "";
        return List.of(Finding.pass(Rule.PRC_04, "isinteg and Exchange build", "isinteg >= 5.5.2654.62 on SP4",
                Source.NONE, String.join(" ", ivKnown ? "isinteg " + iv : "", onBuild).trim(),
                ivKnown ? Source.option("--isinteg-version") : exSrc).withDetail(unchecked));
    }

    /** The build of an Exchange 5.5 service pack, from "SP4", "4" or "2653". */
    static int build(String sp) {
        String s = sp.trim().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "RTM", "SP0", "0" -> 1960;
            case "SP1", "1" -> 2232;
            case "SP2", "2" -> 2448;
            case "SP3", "3" -> 2650;
            case "SP4", "4" -> 2653;
            default -> s.matches("\\d{4}") ? Integer.parseInt(s) : -1;
        };
    }

    static String spName(int build) {
        if (build >= 2653) {
            return "SP4";
        }
        if (build >= 2650) {
            return "SP3";
        }
        if (build >= 2448) {
            return "SP2";
        }
        if (build >= 2232) {
            return "SP1";
        }
        return build >= 1960 ? "RTM" : "unknown";
    }
}
