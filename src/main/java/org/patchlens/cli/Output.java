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
            return unclosed(stdout);
        }
        return new OutputStreamWriter(stream(out, force, inputs), StandardCharsets.UTF_8);
    }

    /** {@code stdout} for a try-with-resources block: closing it only flushes. */
    private static Writer unclosed(PrintWriter stdout) {
        return new FilterWriter(stdout) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * A UTF-8 byte stream for {@code out}, or for {@code stdout} when {@code out} is null: the console's
     * own bytes when it encodes UTF-8, else a stream decoded into the writer (tests, another charset).
     * Closing it for stdout only flushes.
     */
    static OutputStream bytes(Path out, boolean force, Collection<Path> inputs, PrintWriter stdout) throws IOException {
        if (out != null) {
            return stream(out, force, inputs);
        }
        OutputStream direct = stdout instanceof ConsoleOut c ? c.utf8Bytes() : null;
        if (direct != null) {
            return direct;
        }
        return org.apache.commons.io.output.WriterOutputStream.builder().setWriter(unclosed(stdout))
                .setCharset(StandardCharsets.UTF_8).setWriteImmediately(false).get();
    }

    /** A buffered stream writing the file {@code out}, after the evidence checks. */
    static OutputStream stream(Path out, boolean force, Collection<Path> inputs) throws IOException {
        check(out, force, inputs);
        return new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
    }

    static void check(Path out, boolean force, Collection<Path> inputs) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path realTarget = real(target);
        for (Path in : inputs) {
            // a folder given as evidence (check DIR) is evidence as a whole
            Path src = in.toAbsolutePath().normalize();
            if (!force && Files.isDirectory(src) && (target.startsWith(src) || realTarget.startsWith(real(src)))) {
                throw new UsageException(out + ": refusing to write into the evidence folder " + src
                        + " (use --force to allow it)");
            }
        }
        for (Path in : inputs) {
            Path src = in.toAbsolutePath().normalize();
            if (Files.isDirectory(src)) {
                continue;
            }
            Path realSrc = real(src);
            if (target.equals(src) || realTarget.equals(realSrc)
                    || (Files.exists(target) && Files.isSameFile(target, src))) {
                throw new UsageException(out + ": refusing to write over an input file");
            }
        }
        for (Path in : inputs) {
            Path src = in.toAbsolutePath().normalize();
            if (Files.isDirectory(src)) {
                continue;
            }
            Path realSrc = real(src);
            Path dir = src.getParent();
            Path realDir = realSrc.getParent();
            // compared as written and with links resolved, so a link to the evidence folder does not get around it
            if (!force && ((dir != null && target.startsWith(dir)) || (realDir != null && realTarget.startsWith(realDir)))) {
                throw new UsageException(out + ": refusing to write into the evidence folder " + dir
                        + " (use --force to allow it)");
            }
        }
    }

    /** The path with every link resolved in its longest existing prefix (the rest appended as is). */
    static Path real(Path absolute) {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
