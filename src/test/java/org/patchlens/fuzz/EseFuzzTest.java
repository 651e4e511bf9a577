package org.patchlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlens.ese.CheckpointHeader;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.EseBuilder;
import org.patchlens.ese.EseException;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.EseHeader;
import org.patchlens.ese.EseutilText;
import org.patchlens.ese.LogChain;
import org.patchlens.ese.LogHeader;

/**
 * Fuzz targets for the ESE header reader: binary database, patch, checkpoint and log headers
 * (with their shadow copies), and eseutil text dumps. A result, or one EseException line naming
 * the file; then the log-chain analysis over what was read.
 */
@Timeout(10)
class EseFuzzTest {
    static final String NAME = "fuzzed.edb";
    static final String[] TEXTS = {"mh-2003.txt", "mh-55.txt", "mh-current.txt", "mk-2003.txt", "mk-55.txt",
        "ml-2003.txt", "ml-55.txt", "ml-range-2003.txt", "ml-range-current.txt"};

    static Stream<byte[]> binarySeeds() {
        return Stream.of(EseBuilder.Database.current(8192).bytes(), EseBuilder.Database.current(32768).bytes(),
                EseBuilder.Database.ese97().bytes(), new EseBuilder.Checkpoint().bytes(),
                EseBuilder.Log.current().bytes(), EseBuilder.Log.ese97(5, 1).bytes(), new EseBuilder.Patch(8192).bytes());
    }

    static Stream<String> textSeeds() throws IOException {
        List<String> out = new ArrayList<>();
        for (String t : TEXTS) {
            try (InputStream in = EseFuzzTest.class.getResourceAsStream("/org/patchlens/ese/eseutil/" + t)) {
                if (in != null) {
                    out.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out.stream();
    }

    static void checkRefusal(EseException e, String name) {
        if (!name.equals(e.file()) || e.reason() == null || e.reason().isBlank() || e.getMessage().indexOf('\n') >= 0
                || !e.getMessage().startsWith(name)) {
            throw new AssertionError("refusal without file, reason or on several lines: " + e.getMessage(), e);
        }
    }

    static void analyze(List<EseHeader> headers) {
        List<LogHeader> logs = new ArrayList<>();
        List<CheckpointHeader> cps = new ArrayList<>();
        List<DatabaseHeader> dbs = new ArrayList<>();
        for (EseHeader h : headers) {
            h.toString();
            h.notes().forEach(n -> n.toString());
            if (h instanceof LogHeader l) {
                logs.add(l);
            } else if (h instanceof CheckpointHeader c) {
                cps.add(c);
            } else if (h instanceof DatabaseHeader d) {
                dbs.add(d);
            }
        }
        LogChain.Report r = LogChain.analyze(logs, cps, dbs, List.of());
        LogChain.ranges(r);
        r.hasFindings();
    }

    /** Binary headers (and text, when the bytes look like text). */
    @MethodSource("binarySeeds")
    @FuzzTest(maxDuration = "5m")
    void eseHeader(byte[] data) {
        try {
            analyze(List.of(EseFile.read(NAME, data)));
        } catch (EseException e) {
            checkRefusal(e, NAME);
        }
    }

    /** eseutil /mh /mk /ml text dumps. */
    @MethodSource("textSeeds")
    @FuzzTest(maxDuration = "5m")
    void eseutilText(@NotNull String text) {
        try {
            analyze(EseutilText.parse("fuzzed.txt", text));
        } catch (EseException e) {
            checkRefusal(e, "fuzzed.txt");
        }
    }
}
