package org.patchlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlens.evidence.Classifier;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.hive.FuzzSeeds;

/** Evidence discovery on fuzzed files: classification never throws anything but IOException. */
@Timeout(10)
class EvidenceFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("patchlens-evfuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<byte[]> seeds() {
        byte[] ese = new byte[8192];
        ese[4] = (byte) 0xEF;
        ese[5] = (byte) 0xCD;
        ese[6] = (byte) 0xAB;
        ese[7] = (byte) 0x89;
        byte[] log = FuzzSeeds.hives().get(1).clone();
        log[28] = 1; // base block file type: a transaction log
        return Stream.concat(FuzzSeeds.hives().stream(), Stream.of(ese, log,
                "Extensible Storage Engine Utilities\r\nInitiating FILE DUMP mode...\r\n".getBytes()));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5m")
    void classify(byte[] data) throws IOException {
        Path f = DIR.resolve("file");
        Files.write(f, data);
        Classifier.Result r = Classifier.classify(f);
        if (r == null || r.kind() == null || r.detail() == null) {
            throw new AssertionError("no classification");
        }
        Evidence e = EvidenceScanner.examine(f, "file", false);
        if (e.size() != data.length || e.sha256().length() != 64) {
            throw new AssertionError("size or hash missing: " + e);
        }
        if (e.kind() == EvidenceKind.UNREADABLE && e.errors().isEmpty()) {
            throw new AssertionError("unreadable without a reason: " + e);
        }
        List<Evidence> all = EvidenceScanner.scan(DIR);
        if (all.size() != 1) {
            throw new AssertionError("scan found " + all.size() + " files");
        }
    }
}
