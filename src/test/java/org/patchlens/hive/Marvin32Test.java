package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlens.testing.Corpus;

/** Marvin32 against the published vectors (regf-format.md 8.4) and real log entries. */
class Marvin32Test {

    @ParameterizedTest(name = "[{index}] -> {1}")
    @CsvSource({
        "'', 30ED35C100CD3C7D",
        "af, 48E73FC77D75DDC1",
        "e70f, B5F6E1FC485DBFF8",
        "37f495, F0B07C789B8CF7E8",
        "8642dc59, 7008F2E87E9CF556",
        "153fb79826, E6C08C6DA2AFA997",
        "0932e6246c47, 6F04BF1A5EA24060",
        "ab427ea8d10fc7, E11847E4F0678C41"})
    void publishedVectorsWithTheGenericSeed(String hex, String expected) {
        byte[] in = HexFormat.of().parseHex(hex);
        assertEquals(Long.parseUnsignedLong(expected, 16), Marvin32.hash(in, 0x004FB61A001BDBCCL));
    }

    @Test
    void registrySeedRegressionValues() {
        assertEquals(0xB39EFCA403966E08L, Marvin32.hash(new byte[0]));
        assertEquals(0x20094FB11A6CD086L, Marvin32.hash("abcd".getBytes(StandardCharsets.US_ASCII)));
        byte[] seq = new byte[32];
        for (int i = 0; i < 32; i++) {
            seq[i] = (byte) i;
        }
        assertEquals(0xC64FEEE425C2E24CL, Marvin32.hash(seq));
    }

    @Test
    void offsetsIntoABufferHashOnlyThatRange() {
        byte[] b = {9, 9, (byte) 0xaf, 9};
        assertEquals(0x48E73FC77D75DDC1L, Marvin32.hash(ByteBuffer.wrap(b), 2, 1, 0x004FB61A001BDBCCL));
    }

    @Test
    void realLogEntryHashesRecompute() throws Exception {
        var root = Corpus.root();
        org.junit.jupiter.api.Assumptions.assumeTrue(root.isPresent());
        Path log = root.get().resolve("hives/yarp/NewDirtyHive1/NewDirtyHive.LOG1");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(log)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int size = b.getInt(512 + 4);
        assertEquals(24064, size);
        assertEquals(0x67866C661807E431L, b.getLong(512 + 24));
        assertEquals(0xCD44F3CFA7657F02L, b.getLong(512 + 32));
        assertEquals(b.getLong(512 + 24), Marvin32.hash(b, 512 + 40, size - 40, Marvin32.REGISTRY_SEED));
        assertEquals(b.getLong(512 + 32), Marvin32.hash(b, 512, 32, Marvin32.REGISTRY_SEED));
    }
}
