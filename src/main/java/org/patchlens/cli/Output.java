package org.patchlens.cli;

import java.io.BufferedOutputStream;
import java.io.FilterWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Where a command writes: stdout, or a file that is never one of the inputs and, unless
 * --force, never inside a folder that holds evidence.
 */
final class Output {
    private Output() {
    }

    /** A UTF-8 writer for {@code out}, or {@code stdout} itself when {@code out} is null (closing it only flushes). */
    static Writer writer(Path out, boolean force, Collection<Path> inputs, PrintWriter stdout) throws IOException {
        if (out == null) {
            return new FilterWriter(stdout) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return new OutputStreamWriter(stream(out, force, inputs), StandardCharsets.UTF_8);
    }

    /** A buffered stream writing the file {@code out}, after the evidence checks. */
    static OutputStream stream(Path out, boolean force, Collection<Path> inputs) throws IOException {
        check(out, force, inputs);
        return new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
    }

    static void check(Path out, boolean force, Collection<Path> inputs) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        for (Path in : inputs) {
            // a folder given as evidence (check DIR) is evidence as a whole
            Path src = in.toAbsolutePath().normalize();
            if (!force && Files.isDirectory(src) && target.startsWith(src)) {
                throw new UsageException(out + ": refusing to write into the evidence folder " + src
                        + " (use --force to allow it)");
            }
        }
        for (Path in : inputs) {
            Path src = in.toAbsolutePath().normalize();
            if (Files.isDirectory(src)) {
                continue;
            }
            if (target.equals(src) || (Files.exists(target) && Files.isSameFile(target, src))) {
                throw new UsageException(out + ": refusing to write over an input file");
            }
            Path dir = src.getParent();
            if (!force && dir != null && target.startsWith(dir)) {
                throw new UsageException(out + ": refusing to write into the evidence folder " + dir
                        + " (use --force to allow it)");
            }
        }
    }
}
