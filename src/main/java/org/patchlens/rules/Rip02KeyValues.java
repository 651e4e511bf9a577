package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.patchlens.hive.ValueType;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** RIP-02: the Restore in Progress values are complete, typed and well-formed (KB Q200941). */
final class Rip02KeyValues extends RipUnit {
    /** The value names of the key and the types they must have (KB Q200941). */
    private static final String[][] VALUES = {
        {"LowLog Number", "4"}, {"HighLog Number", "4"}, {"EDB_RstMap", "7"}, {"EDB_RstMap Size", "4"},
        {"LogPath", "1"}, {"BackupLogPath", "1"}, {"CheckpointFilePath", "1"}, {"EDB Database recovered", "3"},
    };

    Rip02KeyValues() {
        super("RIP values complete, typed and well-formed", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q200941", "Q169859", "Q232705"),
                "The key is malformed; the store will stop with 1081/0x57. Restore again so the backup program "
                        + "rewrites it, or correct the value (KB Q232705).");
    }

    @Override
    List<Finding> check(CheckContext c, RestoreInProgress rip) {
        List<String> defects = new ArrayList<>();
        for (String[] v : VALUES) {
            Optional<RegValue> val = rip.value(v[0]);
            if (val.isEmpty()) {
                defects.add(v[0] + " missing");
            } else if (val.get().typeCode() != Long.parseLong(v[1])) {
                defects.add(v[0] + " is " + ValueType.name(val.get().typeCode()) + ", expected "
                        + ValueType.name(Long.parseLong(v[1])));
            }
        }
        Optional<RegValue> size = rip.value("EDB_RstMap Size");
        Optional<RegValue> map = rip.value("EDB_RstMap");
        long n = size.map(RegValue::dword).orElse(-1L);
        if (size.isPresent() && size.get().typeCode() == 4 && n != 1 && n != 2) {
            defects.add("EDB_RstMap Size is " + size.get().text() + ", expected 1 or 2");
        }
        if (map.isPresent() && map.get().typeCode() == 7) {
            List<String> lines = map.get().lines();
            if (n > 0 && lines.size() != 2 * n) {
                defects.add("EDB_RstMap has " + lines.size() + " lines, expected 2 x " + n);
            }
            for (String line : lines) {
                WinPath p = WinPath.of(line);
                if (line.isBlank() || p.server().isEmpty() || !p.isAbsoluteLocal()
                        || !p.fileName().toLowerCase(Locale.ROOT).endsWith(".edb")) {
                    defects.add("EDB_RstMap line \"" + line + "\" is not \\\\server\\X$\\...\\name.EDB");
                }
            }
        }
        rip.value("EDB Database recovered").ifPresent(r -> {
            if (r.data().length != 1 || (r.data()[0] != 0 && r.data()[0] != 1)) {
                defects.add("EDB Database recovered is " + r.text() + ", expected one byte 00 or 01");
            }
        });
        Optional<RegValue> low = rip.value("LowLog Number");
        Optional<RegValue> high = rip.value("HighLog Number");
        if (low.isPresent() && high.isPresent() && low.get().isDword() && high.get().isDword()
                && low.get().dword() > high.get().dword()) {
            defects.add("LowLog Number " + low.get().text() + " is above HighLog Number " + high.get().text());
        }
        if (defects.isEmpty()) {
            return List.of(Finding.pass(Rule.RIP_02, rip.path(), "every value present, typed and well-formed",
                    Source.NONE, "well-formed", rip.keySource()));
        }
        List<Finding> out = new ArrayList<>();
        for (String d : defects) {
            out.add(Finding.fail(Rule.RIP_02, rip.path(), "well-formed (KB Q200941)", Source.NONE, d, rip.keySource(),
                    remedy()));
        }
        return out;
    }
}
