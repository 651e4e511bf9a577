package org.patchlens.hive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Windows 2000 {@code SYSTEM.ALT} mirror (regf-format.md 10.3): a full copy of the primary
 * in the normal primary-file format, written after it. Given either file, finds the other
 * (FILE.ALT beside FILE, or FILE beside FILE.ALT; names compared case-insensitively), compares
 * their base blocks and trees, and says which one is authoritative (the newer clean one).
 *
 * @param primary     the primary file
 * @param alternate   the .ALT file
 * @param primaryHeader   base block of the primary
 * @param alternateHeader base block of the .ALT
 * @param differences keys and values that differ between the two trees (-1 if a tree is unreadable)
 * @param examples    the first few differences, as text
 * @param verdict     which file is authoritative and why
 */
public record AlternateHive(Path primary, Path alternate, HiveHeader primaryHeader, HiveHeader alternateHeader,
                            long differences, List<String> examples, String verdict) {

    /**
     * The other half of a primary/.ALT pair, or null when there is none. An entry of that name that
     * is not a regular file (a FIFO, a folder, a dangling link) is returned too: {@link #compare}
     * reports it as "cannot compare" with the input check's reason, without opening it.
     */
    public static Path partner(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        String up = name.toUpperCase(Locale.ROOT);
        String want = up.endsWith(".ALT") ? up.substring(0, up.length() - 4) : up + ".ALT";
        if (dir == null || want.isEmpty()) {
            return null;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path f : ds) {
                if (f.getFileName().toString().toUpperCase(Locale.ROOT).equals(want)) {
                    return file.resolveSibling(f.getFileName());
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Compares {@code file} with its partner; null when it has none. Unreadable halves are reported, not
     * thrown: also one that is not a regular file ({@link Hive#open} checks each before opening it).
     */
    public static AlternateHive compare(Path file) {
        Path other = partner(file);
        if (other == null) {
            return null;
        }
        boolean fileIsAlt = file.getFileName().toString().toUpperCase(Locale.ROOT).endsWith(".ALT");
        Path primary = fileIsAlt ? other : file;
        Path alt = fileIsAlt ? file : other;
        try (Hive p = Hive.open(primary); Hive a = Hive.open(alt)) {
            HiveHeader ph = p.header();
            HiveHeader ah = a.header();
            List<String> examples = new ArrayList<>();
            long diff;
            try {
                diff = HiveDiff.compare(p.root(), a.root(), c -> {
                    if (examples.size() < 5) {
                        examples.add(c.kind().name().toLowerCase(Locale.ROOT) + " " + (c.isKey() ? "key " + c.path()
                                : "value " + c.path() + " : " + c.valueName()));
                    }
                });
            } catch (HiveException e) {
                diff = -1;
                examples.add(e.getMessage());
            }
            return new AlternateHive(primary, alt, ph, ah, diff, List.copyOf(examples), verdict(ph, ah));
        } catch (HiveException e) {
            return new AlternateHive(primary, alt, null, null, -1, List.of(e.getMessage()),
                    "cannot compare: " + e.getMessage());
        }
    }

    private static String verdict(HiveHeader p, HiveHeader a) {
        boolean pOk = !p.dirty();
        boolean aOk = !a.dirty();
        int seq = Long.compare(a.primarySequenceNumber(), p.primarySequenceNumber());
        int time = Long.compareUnsigned(a.lastWritten(), p.lastWritten());
        if (pOk && !aOk) {
            return "the primary is authoritative (the .ALT is dirty)";
        }
        if (!pOk && aOk) {
            return "the .ALT is authoritative: the primary is dirty, and the boot loader falls back to the .ALT";
        }
        if (seq > 0 || (seq == 0 && time > 0)) {
            return "the .ALT is newer (sequence " + a.primarySequenceNumber() + " vs " + p.primarySequenceNumber()
                    + "): the primary is stale";
        }
        if (seq < 0 || time < 0) {
            return "the primary is newer (sequence " + p.primarySequenceNumber() + " vs " + a.primarySequenceNumber()
                    + ")";
        }
        return "same sequence numbers and last-written time";
    }

    /** One line for reports. */
    public String summary() {
        if (primaryHeader == null) {
            return alternate.getFileName() + ": " + verdict;
        }
        return alternate.getFileName() + " (sequence " + alternateHeader.primarySequenceNumber() + "/"
                + alternateHeader.secondarySequenceNumber() + ", last written " + FileTime.iso(alternateHeader.lastWritten())
                + ") vs " + primary.getFileName() + " (sequence " + primaryHeader.primarySequenceNumber() + "/"
                + primaryHeader.secondarySequenceNumber() + ", last written " + FileTime.iso(primaryHeader.lastWritten())
                + "): " + verdict + "; " + (differences < 0 ? "trees not compared" : differences == 0
                ? "trees identical" : differences + " differences in keys and values"
                + (examples.isEmpty() ? "" : " (" + String.join("; ", examples) + (differences > examples.size()
                ? "; ..." : "") + ")"));
    }
}
