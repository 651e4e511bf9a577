package org.patchlens.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.Writer;
import org.patchlens.hive.Hive;
import org.patchlens.report.OutputFormat;
import org.patchlens.report.HiveDump;

/**
 * Reads each hive file given with everything a dump reads, and writes every dump format (to a null writer);
 * run by {@link ParserContractTest} in a JVM with a small heap. Prints one line per file.
 */
public final class ReadInSmallHeap {
    private ReadInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            Hive h = ParserContract.open(Files.readAllBytes(Path.of(a)));
            long n = -1;
            if (h != null) {
                n = ParserContract.readEverything(h);
                for (OutputFormat f : HiveDump.FORMATS) {
                    HiveDump.write(h, h.root(), f, Writer.nullWriter());
                }
            }
            System.out.println("ok " + Path.of(a).getFileName() + " " + n + " " + (h == null ? 0 : h.damage().size()));
        }
    }
}
