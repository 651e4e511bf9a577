package org.patchlens.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.patchlens.InputFile;
import org.patchlens.evidence.Classifier;

/**
 * The one output layer of every command: it picks the format by one rule, validates the target before
 * anything is created, and writes atomically.
 *
 * <ul>
 * <li><b>Format.</b> {@code --format} decides; without it the {@code -o} name's extension decides
 * ({@code .jsonl .json .csv .xlsx .reg .txt .body}); without either, the command's default. An extension the
 * command cannot write, or a {@code --format} that contradicts the extension, is refused; so is, without
 * {@code --format}, an extension that promises a format no command writes: a near miss of one
 * ({@code .xslx .jsn}) or a document or archive format ({@code .pdf .zip}).</li>
 * <li><b>Target.</b> Its folder must exist; it must not be a folder or a device; it is never one of the
 * command's inputs (compared as written, with links resolved, and as the same file: a hard link; the
 * {@code @FILE} argument files included); an existing file in a folder given as evidence, one whose content
 * is evidence (a hive, a hive log, an ESE header, an eseutil dump, damaged ones too) or one named like store
 * or registry evidence is never replaced, even with {@code --force}; without {@code --force} nothing is
 * written into a folder that holds an input (also reached through a link); a name given with U+FFFD (an
 * argument that was not valid UTF-8) is refused, since Java would create a file of another name.</li>
 * <li><b>Writing.</b> Through a new temporary file in the target's folder, renamed over the target when
 * complete ({@link AtomicFile}): no partial file, and a link at the target is replaced, never followed.</li>
 * </ul>
 */
public final class Output {
    /** What a command writes: its name (for messages) and its formats, the first being the default. */
    /** {@code option}: the option that names the file, for messages (-o, or e.g. --runbook for a second output). */
    public record Spec(String command, List<OutputFormat> formats, String option) {
        public static Spec of(String command, OutputFormat... formats) {
            return new Spec(command, List.of(formats), "-o");
        }

        /** A writer's formats (its default first), plus the ones the command adds (a workbook). */
        public static Spec of(String command, List<OutputFormat> formats, OutputFormat... more) {
            List<OutputFormat> all = new java.util.ArrayList<>(formats);
            all.addAll(List.of(more));
            return new Spec(command, List.copyOf(all), "-o");
        }

        /** A second output of a command, named by its own option (never stdout, which holds the first). */
        public static Spec named(String command, String option, OutputFormat... formats) {
            return new Spec(command, List.of(formats), option);
        }

        public OutputFormat defaultFormat() {
            return formats.get(0);
        }

        /** "jsonl, csv, text or listing". */
        public String names() {
            List<String> n = formats.stream().map(OutputFormat::label).toList();
            return n.size() == 1 ? n.get(0)
                    : String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
        }
    }

    private final Spec spec;
    private final OutputFormat format;
    private final Path file;
    private final Inputs inputs;

    private Output(Spec spec, OutputFormat format, Path file, Inputs inputs) {
        this.spec = spec;
        this.format = format;
        this.file = file;
        this.inputs = inputs;
    }

    /**
     * A command's inputs with their absolute and real paths, file keys and evidence folders, worked out once:
     * a batch checks a thousand targets against three thousand inputs (hives and logs), and resolving every
     * input's links again for every target cost millions of readlink calls (most of a batch's time).
     */
    public static final class Inputs {
        private final Set<Path> absolute = new HashSet<>();
        private final Set<Path> realPaths = new HashSet<>();
        private final Set<Object> fileKeys = new HashSet<>();
        /** Folders given as inputs, and the folders of input files: each as written, to its path with links resolved. */
        private final List<Path[]> evidenceFolders = new ArrayList<>();
        private final List<Path[]> fileFolders = new ArrayList<>();
        /** What each list holds already (given and real path): a folder of many inputs is listed once. */
        private final Set<List<Path>> seenEvidence = new HashSet<>();
        private final Set<List<Path>> seenFile = new HashSet<>();

        private Inputs(Collection<Path> inputs) {
            // an argument file is never replaced, but it holds options, not evidence: its folder stays open
            for (Path in : ARGUMENT_FILES.get()) {
                file(in.toAbsolutePath().normalize());
            }
            for (Path in : inputs) {
                Path src = in.toAbsolutePath().normalize();
                Path real = real(src);
                if (Files.isDirectory(src)) {
                    folder(evidenceFolders, seenEvidence, src, real);
                    continue;
                }
                file(src);
                folder(fileFolders, seenFile, src.getParent(), real.getParent());
            }
        }

        /** An input file by its name as written, with links resolved, and as a file (hard links). */
        private void file(Path src) {
            absolute.add(src);
            realPaths.add(real(src));
            BasicFileAttributes a = attributes(src);
            if (a != null && a.fileKey() != null) {
                fileKeys.add(a.fileKey());
            }
        }

        private static void folder(List<Path[]> to, Set<List<Path>> seen, Path given, Path real) {
            if (seen.add(java.util.Arrays.asList(given, real))) {
                to.add(new Path[] {given, real});
            }
        }

        /** The folder given as evidence that holds {@code target} (as written or with links resolved), or null. */
        Path evidenceFolderOf(Path target) {
            Path realTarget = real(target);
            for (Path[] f : evidenceFolders) {
                if (target.startsWith(f[0]) || (f[1] != null && realTarget.startsWith(f[1]))) {
                    return f[0];
                }
            }
            return null;
        }

        /** Whether {@code target} (absolute, normalised) is one of the input files: as written, resolved, or a hard link. */
        boolean isInput(Path target) {
            if (absolute.contains(target) || realPaths.contains(real(target))) {
                return true;
            }
            if (fileKeys.isEmpty()) {
                return false;
            }
            BasicFileAttributes a = attributes(target);
            return a != null && a.fileKey() != null && fileKeys.contains(a.fileKey());
        }
    }

    /**
     * The argument files ({@code @FILE}) of the command line this thread runs: picocli reads them before any
     * command sees its options, so no command lists them among its inputs; every output check does.
     */
    private static final ThreadLocal<List<Path>> ARGUMENT_FILES = ThreadLocal.withInitial(List::of);

    /** Sets the argument files of the command line about to run on this thread (an empty list after it). */
    public static void argumentFiles(List<Path> files) {
        ARGUMENT_FILES.set(List.copyOf(files));
    }

    /**
     * Output names written with a trailing separator ({@code -o dumps/}) on the command line this thread runs,
     * absolute: a Path drops the separator, and with it what the user meant (a folder, not a file).
     */
    private static final ThreadLocal<Set<Path>> FOLDER_NAMES = ThreadLocal.withInitial(Set::of);

    /** Sets the output names that end in a separator, as typed (an empty list after the run). */
    public static void folderNames(List<String> typed) {
        Set<Path> s = new HashSet<>();
        for (String t : typed) {
            try {
                s.add(Path.of(t).toAbsolutePath().normalize());
            } catch (java.nio.file.InvalidPathException e) {
                // not a name at all: the option's own check reports it
            }
        }
        FOLDER_NAMES.set(Set.copyOf(s));
    }

    /** Whether {@code output} was typed with a trailing separator ({@code -o dumps/}): it names a folder. */
    public static boolean namesAFolder(Path output) {
        return output != null && !output.toString().isEmpty()
                && FOLDER_NAMES.get().contains(output.toAbsolutePath().normalize());
    }

    /** The inputs indexed once, for the many targets of a batch. */
    public static Inputs inputs(Collection<Path> inputs) {
        return new Inputs(inputs);
    }

    /**
     * Chooses the format and validates the target; creates nothing. {@code formatOption} is what was given
     * after {@code --format} (null when not given), {@code file} the {@code -o} path (null: stdout).
     */
    public static Output plan(Spec spec, String formatOption, Path file, boolean force, Collection<Path> inputs) {
        if (file != null) {
            named(file);
        }
        return plan(spec, formatOption, file, force, new Inputs(inputs));
    }

    /**
     * As above, with the inputs indexed once for a batch ({@link #inputs}). A batch's targets are named after the
     * hives found (valid UTF-8 by then, U+FFFD included) in a folder {@link #checkFolder} checked: not refused
     * for U+FFFD here, unlike a name given.
     */
    public static Output plan(Spec spec, String formatOption, Path file, boolean force, Inputs inputs) {
        if (isStdout(file)) {
            file = null;
        }
        OutputFormat f = format(spec, formatOption, file);
        if (file != null) {
            checkTarget(file, force, inputs, spec.option());
        } else if (f == OutputFormat.XLSX || f == OutputFormat.REG || f == OutputFormat.HIVE) {
            throw new OutputException(spec.command() + ": " + f.label() + " is written to a file: give -o NAME"
                    + (f.extension() == null ? "" : f.extension()));
        }
        return new Output(spec, f, file, inputs);
    }

    /** {@code -o -}: stdout, as for most command-line tools. */
    public static boolean isStdout(Path file) {
        return file != null && file.toString().equals("-");
    }

    /** The format rule alone (for a batch, whose -o names a folder, pass {@code file} null). */
    public static OutputFormat format(Spec spec, String formatOption, Path file) {
        OutputFormat asked = null;
        if (formatOption != null) {
            asked = OutputFormat.named(formatOption);
            if (asked == null || !spec.formats().contains(asked)) {
                throw new OutputException(spec.command() + ": --format " + (formatOption.isBlank() ? "'" + formatOption
                        + "'" : formatOption) + " is not a format it writes ("
                        + spec.names() + ")");
            }
        }
        OutputFormat named = OutputFormat.ofName(file);
        String bare = OutputFormat.onlyAnExtension(file);
        if (bare != null && (OutputFormat.extensionOnly(file) != null || OutputFormat.promisesAnotherFormat(bare))) {
            // "-o .csv", "-o .pdf": the extension alone would make a hidden file of that name, likely a mistake
            throw new OutputException(file + ": names only an extension; give a file name " + nameInstead(spec, bare));
        }
        if (spec.formats().contains(OutputFormat.HIVE)) {
            // the output is a hive image whatever its name; a name that promises a report is a mistake
            if (named != null) {
                throw new OutputException(file + ": " + spec.command() + " -o writes a registry hive, not a "
                        + named.extension() + " file (name it e.g. SYSTEM.recovered)");
            }
            return asked != null ? asked : spec.defaultFormat();
        }
        if (asked != null && named != null && named != asked
                && !named.sharesExtensionWith(asked)) {
            throw new OutputException(file + ": the name says " + named.label() + " but --format says " + asked.label()
                    + "; drop --format or make them agree");
        }
        if (asked == null && named != null && !spec.formats().contains(named)) {
            throw new OutputException(file + ": " + spec.command() + " does not write " + named.extension() + " files ("
                    + writes(spec) + ")");
        }
        if (asked == null && named == null) {
            refuseAPromiseItCannotKeep(spec, file);
        }
        return asked != null ? asked : named != null ? named : spec.defaultFormat();
    }

    /**
     * Without --format, a name whose extension promises a format the command does not write is refused rather
     * than given the default format: a near miss of one of its extensions ({@code report.xslx}) or of another
     * format's ({@code x.jsn}), or a document or archive format ({@code report.pdf}). Any other extension
     * ({@code .log .out .text}) gets the default, as a name without one does.
     */
    private static void refuseAPromiseItCannotKeep(Spec spec, Path file) {
        String extension = OutputFormat.extensionOf(file);
        if (extension == null) {
            return;
        }
        OutputFormat meant = OutputFormat.nearMiss(extension, spec.formats());
        if (meant == null && !OutputFormat.promisesAnotherFormat(extension)) {
            return;
        }
        String name = file.getFileName().toString();
        String didYouMean = meant == null ? "" : "; did you mean "
                + name.substring(0, name.length() - extension.length()) + meant.extension() + "?";
        // with one format there is nothing to choose: such a command has no --format
        String anyName = spec.option().equals("-o") && spec.formats().size() > 1
                ? "; --format FORMAT writes that format to any name" : "";
        throw new OutputException(file + ": " + spec.command() + " does not write " + extension + " files" + didYouMean
                + " (" + writes(spec) + anyName + ")");
    }

    /**
     * What to give instead of a name that is only an extension: a name with the extension of the format it names,
     * or misses by one edit ({@code .xslx}), when the command writes that format; else what it writes.
     */
    private static String nameInstead(Spec spec, String extension) {
        if (spec.formats().contains(OutputFormat.HIVE)) {
            return "(" + spec.command() + " " + spec.option() + " writes a registry hive: name it e.g. SYSTEM.recovered)";
        }
        OutputFormat meant = spec.formats().stream().filter(f -> extension.equalsIgnoreCase(f.extension()))
                .findFirst().orElseGet(() -> OutputFormat.nearMiss(extension, spec.formats()));
        if (meant == null) {
            return "(" + spec.command() + " does not write " + extension + " files; " + writes(spec) + ")";
        }
        return "(" + spec.option() + " report" + meant.extension() + ")" + (spec.option().equals("-o")
                && meant != OutputFormat.XLSX ? ", or --format " + meant.label() + " to write to stdout" : "");
    }

    /** "it writes text, jsonl or csv: .txt .jsonl .csv". */
    private static String writes(Spec spec) {
        return "it writes " + spec.names() + ": " + spec.formats().stream().map(OutputFormat::extension)
                .filter(e -> e != null).distinct().collect(Collectors.joining(" "));
    }

    /**
     * Validates one output file: every rule of the class comment. Throws {@link OutputException} with the
     * one line to show; creates and opens nothing for writing.
     */
    public static void checkTarget(Path out, boolean force, Collection<Path> inputs) {
        named(out);
        checkTarget(out, force, new Inputs(inputs), "-o");
    }

    private static void checkTarget(Path out, boolean force, Inputs inputs, String option) {
        if (out.toString().isEmpty()) {
            throw new OutputException(option + " names no file (the name is empty)");
        }
        Path target = physical(out);
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputException(out + ": not a file name");
        }
        if (namesAFolder(out) && !Files.isDirectory(target)) {
            throw new OutputException(out + "/: names a folder (the name ends in /), which does not exist; " + option
                    + " names the file to write");
        }
        Path givenParent = out.getParent() == null ? Path.of(".") : out.getParent();
        if (!Files.isDirectory(parent)) {
            throw new OutputException(Files.exists(parent) ? givenParent + " is not a folder"
                    : "folder " + givenParent + " does not exist");
        }
        BasicFileAttributes link = attributes(target, LinkOption.NOFOLLOW_LINKS);
        BasicFileAttributes real = link != null && link.isSymbolicLink() ? attributes(target) : link;
        if (real != null && real.isDirectory()) {
            throw new OutputException(out + ": is a folder (name a file)");
        }
        if (real != null && !real.isRegularFile()) {
            throw new OutputException(out + ": not a regular file (outputs are written to new regular files"
                    + (option.equals("-o") ? "; leave out -o to write to stdout)" : ")"));
        }
        inFolders(out, target, force, inputs, true);
        if (inputs.isInput(target)) {
            throw new OutputException(out + ": refusing to write over an input file");
        }
        if (real != null) {
            // a folder given as evidence is read whole: every file in it is an input of this run, whatever its
            // content (a damaged log, an empty database, the operator's notes); --force allows only new files there
            Path folder = inputs.evidenceFolderOf(target);
            if (folder != null) {
                throw new OutputException(out + ": refusing to replace it: it is in the evidence folder " + folder
                        + ", which this run reads; outputs never replace a file there, even with --force");
            }
            // the stamp before the content is read: a change while it is read gives another stamp next time
            Stamp stamp = Stamp.of(target);
            if (stamp == null || !stamp.equals(NOT_EVIDENCE.get(target))) {
                String evidence;
                try {
                    evidence = Classifier.evidenceContent(target);
                } catch (IOException e) {
                    throw new OutputException(out + ": exists and cannot be read to check it is not evidence ("
                            + e.getMessage() + "); refusing to replace it");
                }
                if (evidence != null) {
                    throw new OutputException(out + ": refusing to replace it: it holds evidence (" + evidence
                            + "); outputs never replace evidence, even with --force");
                }
                if (stamp != null) {
                    NOT_EVIDENCE.put(target, stamp);
                }
            }
            // empty or too damaged for its content to tell, a store or registry file is still evidence by its name
            String named = evidenceName(target);
            if (named != null) {
                throw new OutputException(out + ": refusing to replace it: its name is that of evidence (" + named
                        + "); outputs never replace evidence, even with --force");
            }
        }
        inFolders(out, target, force, inputs, false);
    }

    /**
     * Existing targets found not to hold evidence, with their stamp then. A target is checked when its output is
     * planned and again just before the rename; unchanged in between, its content is not read a second time (a
     * JSONL output of several MB is text, and is parsed as a possible eseutil dump to tell). Any write,
     * truncation or rename onto the name changes the stamp: the change time (ctime) is set by the kernel and
     * cannot be set back by a user.
     */
    private static final java.util.Map<Path, Stamp> NOT_EVIDENCE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Device and inode, size, modification and change time of a file; null where the file system has no such view. */
    private record Stamp(Object device, Object inode, Object size, Object modified, Object changed) {
        static Stamp of(Path file) {
            try {
                java.util.Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
                Stamp s = new Stamp(a.get("dev"), a.get("ino"), a.get("size"), a.get("lastModifiedTime"), a.get("ctime"));
                return s.device == null || s.inode == null || s.size == null || s.modified == null || s.changed == null
                        ? null : s;
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return null; // no unix view (Windows): the content is read each time
            }
        }
    }

    /**
     * A file of a batch in a folder that does not exist yet: {@link #checkFolder} validated the folder, so
     * nothing in it can be an input or evidence; the caller creates the folder before writing.
     */
    public static Output planInNewFolder(Spec spec, OutputFormat format, Path file, Collection<Path> inputs) {
        return new Output(spec, format, file, new Inputs(inputs));
    }

    /** As above, with the inputs indexed once ({@link #inputs}). */
    public static Output planInNewFolder(Spec spec, OutputFormat format, Path file, Inputs inputs) {
        return new Output(spec, format, file, inputs);
    }

    /** A folder that a batch writes into (created when missing): not an input, not inside the evidence. */
    public static void checkFolder(Path folder, boolean force, Collection<Path> inputs) {
        checkFolder(folder, force, new Inputs(inputs));
    }

    /** As above, with the inputs indexed once ({@link #inputs}). */
    public static void checkFolder(Path folder, boolean force, Inputs inputs) {
        named(folder);
        Path target = physical(folder);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OutputException(folder + (namesAFolder(folder) ? "/: names a folder (the name ends in /), but it "
                    + "is a file" : ": not a folder (with several inputs -o names a folder)"));
        }
        Path parent = target.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new OutputException("folder " + (folder.getParent() == null ? parent : folder.getParent())
                    + " does not exist");
        }
        if (inputs.isInput(target)) {
            throw new OutputException(folder + ": refusing to write over an input file");
        }
        inFolders(folder, target, force, inputs, true);
        inFolders(folder, target, force, inputs, false);
    }

    /**
     * A name given for an output, refused when it holds U+FFFD: the bytes that were not valid UTF-8 are lost, and
     * the file would be created under another name while the command reports the one given.
     */
    private static void named(Path file) {
        if (InputFile.notUtf8(file.toString())) {
            throw new OutputException(file + ": " + InputFile.NOT_UTF8 + "create a file by it (it would write one "
                    + "named with U+FFFD instead): give another name");
        }
    }

    /**
     * Without --force, nothing goes into a folder given as evidence ({@code folders}) or into the folder of
     * an input file; compared as written and with links resolved, so a linked folder does not get around it.
     */
    private static void inFolders(Path out, Path target, boolean force, Inputs inputs, boolean folders) {
        if (force) {
            return;
        }
        Path realTarget = real(target);
        for (Path[] f : folders ? inputs.evidenceFolders : inputs.fileFolders) {
            Path evidence = f[0];
            Path realEvidence = f[1];
            if ((evidence != null && target.startsWith(evidence))
                    || (realEvidence != null && realTarget.startsWith(realEvidence))) {
                throw new OutputException(out + ": refusing to write into the evidence folder " + evidence
                        + " (use --force to allow it)");
            }
        }
    }

    /**
     * The extensions of store and registry evidence: ESE databases, streaming files, patch, checkpoint and log
     * files (E00.log, edb00001.log, res1.log, .jtx logs, .jcp checkpoints), reserve logs, hive transaction logs and the cluster's registry
     * checkpoints. An existing file so named is evidence even when it is empty or too damaged for its content
     * to say so; no output of patchlens has such a name.
     */
    private static final Set<String> EVIDENCE_EXTENSIONS = Set.of("edb", "stm", "pat", "chk", "log", "jrs", "jtx",
            "jcp", "log1", "log2", "cpt", "hve");

    /** {@code .EXT (a store or registry file's name)} when {@code target}'s name has such an extension, else null. */
    static String evidenceName(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String ext = name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return EVIDENCE_EXTENSIONS.contains(ext) ? "." + name.substring(dot + 1) + ", a store or registry file's name"
                : null;
    }

    private static BasicFileAttributes attributes(Path p, LinkOption... options) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            if (e.getMessage() != null && e.getMessage().contains("symbolic links")) {
                throw new OutputException(p + ": symbolic link loop");
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Where a name leads when the file is created: its folder as the kernel resolves it (links followed, and a
     * {@code ..} after a link taken from the link's target, not struck out as text), then its last name.
     * Normalising the text instead let {@code link/../x} pass every check for one file and write over another,
     * an input among them.
     */
    static Path physical(Path name) {
        Path abs = name.toAbsolutePath();
        Path parent = abs.getParent();
        Path file = abs.getFileName();
        if (parent == null || file == null) {
            return abs.normalize();
        }
        try {
            return parent.toRealPath().resolve(file.toString()).normalize(); // the parent holds no link now
        } catch (IOException e) {
            return abs.normalize(); // no such folder (yet): the checks say so, or the batch makes it
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

    public OutputFormat format() {
        return format;
    }

    /** The -o file, or null for stdout. */
    public Path file() {
        return file;
    }

    public boolean toFile() {
        return file != null;
    }

    /** What was planned, for messages: "system.jsonl (jsonl)" or "stdout". */
    public String describe() {
        return file == null ? "stdout" : file + " (" + format.label() + ")";
    }

    /**
     * Opens the output: a temporary file beside the target (committed by {@link Sink#commit}), or stdout.
     * The target is validated again just before the rename.
     */
    public Sink open(PrintWriter stdout) throws IOException {
        return file == null ? Sink.console(stdout) : new Sink(openFile(), null);
    }

    /** The -o file as an {@link AtomicFile} (workbooks write through it); the target is validated again before the rename. */
    public AtomicFile openFile() throws IOException {
        if (file == null) {
            throw new IllegalStateException("output to stdout");
        }
        return AtomicFile.create(file, target -> {
            try {
                checkTarget(file, true, inputs, spec.option()); // the folder rule was passed at planning; the rest again
            } catch (OutputException e) {
                String named = file + ": "; // AtomicFile names the target itself
                String m = e.getMessage();
                throw new IOException(m.startsWith(named) ? m.substring(named.length()) : m, e);
            }
        });
    }

    /** Where a command writes: a file committed at the end, or stdout. Close it always (try-with-resources). */
    public static final class Sink implements Closeable {
        private final AtomicFile file;
        private final PrintWriter console;
        private OutputStream bytes;
        private Writer writer;
        private long budget = -1;
        private boolean utf16;
        private OutputBudget.Limited limited;

        private Sink(AtomicFile file, PrintWriter console) {
            this.file = file;
            this.console = console;
        }

        static Sink console(PrintWriter stdout) {
            return new Sink(null, stdout);
        }

        /**
         * Limits what may be written to {@code bytes} ({@link OutputBudget}): a write past it throws
         * {@link OutputBudget.Exceeded}, and the output ends at the last whole line. Call before writing.
         */
        public Sink limit(long bytes) {
            this.budget = bytes;
            return this;
        }

        /** The output as UTF-8 bytes (stdout: the console's own bytes when it encodes UTF-8). */
        public OutputStream bytes() throws IOException {
            if (bytes == null) {
                OutputStream raw;
                if (file != null) {
                    raw = file.stream();
                } else {
                    OutputStream direct = console instanceof ConsoleOut c ? c.utf8Bytes() : null;
                    raw = direct != null ? direct : org.apache.commons.io.output.WriterOutputStream.builder()
                            .setWriter(unclosed(console)).setCharset(StandardCharsets.UTF_8)
                            .setWriteImmediately(false).get();
                }
                if (budget >= 0) {
                    limited = OutputBudget.limit(raw, budget, utf16);
                    raw = limited;
                }
                bytes = raw;
            }
            return bytes;
        }

        /** The output as UTF-8 text. */
        public Writer writer() throws IOException {
            return writer(StandardCharsets.UTF_8);
        }

        /** The output as text in {@code cs} (a .reg file is UTF-16LE). */
        public Writer writer(Charset cs) throws IOException {
            if (writer == null) {
                utf16 = cs.equals(StandardCharsets.UTF_16LE);
                writer = file == null && budget < 0 && cs.equals(StandardCharsets.UTF_8) ? unclosed(console)
                        : new OutputStreamWriter(bytes(), cs);
            }
            return writer;
        }

        /** Everything written (or all of it up to a budget that was reached): the file renamed into place, or stdout flushed. */
        public void commit() throws IOException {
            try {
                flush();
            } catch (OutputBudget.Exceeded e) {
                // what the writers still held is past the budget: the output ends where the budget cut it
            }
            if (limited != null) {
                limited.finish();
            }
            if (file != null) {
                if (limited != null && limited.wasCut()) {
                    file.commitToLastLine(limited.unit());
                } else {
                    file.commit();
                }
            }
        }

        private void flush() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (bytes != null) {
                bytes.flush();
            }
        }

        /** Without {@link #commit}: a file is removed (stdout is flushed: what was printed was printed). */
        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            } else {
                try {
                    flush();
                } catch (ConsoleOut.Failed e) {
                    // stdout cannot take more (| head, a full disk): Main reports it, nothing to keep here
                }
            }
        }

        /** stdout as a Writer that stays open, and that throws when stdout failed (a PrintWriter would go on). */
        private static Writer unclosed(PrintWriter stdout) {
            return new java.io.FilterWriter(stdout) {
                @Override
                public void write(int c) throws IOException {
                    out.write(c);
                    check();
                }

                @Override
                public void write(char[] cbuf, int off, int len) throws IOException {
                    out.write(cbuf, off, len);
                    check();
                }

                @Override
                public void write(String str, int off, int len) throws IOException {
                    out.write(str, off, len);
                    check();
                }

                @Override
                public void close() throws IOException {
                    flush();
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                    check();
                }

                private void check() throws IOException {
                    if (stdout instanceof ConsoleOut c) {
                        c.check();
                    }
                }
            };
        }
    }
}
