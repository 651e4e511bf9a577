package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.patchlens.hive.HiveBuilder;

/** What a batch ({@code hive dump ... -o DIR}) left in its folder, for the tests of what a failure costs, and the
 * small hives they dump. */
final class BatchFolder {
    private BatchFolder() {
    }

    /** A small hive of 3 keys (root, Select, ControlSet001), each with a value of its own number. */
    static Path small(Path folder, String name, int n) {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", n);
        b.key("ControlSet001").sz("Name", name);
        return b.write(folder.resolve(name));
    }

    /** The names in the folder, sorted. */
    static Set<String> names(Path folder) throws IOException {
        Set<String> names = new TreeSet<>();
        try (var files = Files.list(folder)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        return names;
    }

    /** A manifest.tsv as an earlier run over other evidence left it in {@code folder}, before this run. */
    static void earlierManifest(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("manifest.tsv"), "source\tsha256\ttype\tuser\tsid\toutput\tkeys\tvalues\tdamage"
                + "\treplay\terror\n/cases/c41/ev/SYSTEM\t" + "ab".repeat(32) + "\tSYSTEM\t\t\tSYSTEM.jsonl\t6\t2\t0\tclean\t\n");
    }

    /** The manifest's rows (without its header, which is checked), split into their fields. */
    static List<String[]> manifest(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("manifest.tsv"));
        assertEquals("source\tsha256\ttype\tuser\tsid\toutput\tkeys\tvalues\tdamage\treplay\terror", lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(l.split("\t", -1));
        }
        return rows;
    }
}
