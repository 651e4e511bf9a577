import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.patchlens.cli.Main;
import org.patchlens.ese.EseException;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.LogChain;

/**
 * Writes everything the ESE commands print for a set of inputs, in process, to one file, so that two
 * builds can be compared byte for byte (scripts/ese-compare.sh). Run with a patchlens jar on the class path:
 *
 * <pre>java -cp target/patchlens.jar scripts/EseOutputs.java OUT ROOT...</pre>
 *
 * For every regular file under each ROOT: {@code ese header}, {@code ese checkpoint} and {@code ese log}, each as
 * text and {@code --format json} (exit code, stdout, stderr), and the records {@code EseFile.openAll} returns
 * ({@code toString}, or the exception's message). For every folder that holds regular files: {@code ese logs}
 * as text and JSON, and the {@code LogChain.analyzeDirectory} report. A file named {@code *.ese-logs-args}
 * holds the arguments of one more {@code ese logs} run, one per line (the folder, then {@code --database FILE}
 * pairs); it is run, not read as an input.
 */
public final class EseOutputs {
    private static final String ARGS = ".ese-logs-args";

    public static void main(String[] a) throws IOException {
        if (a.length < 2) {
            System.err.println("usage: java -cp patchlens.jar EseOutputs.java OUT ROOT...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (int i = 1; i < a.length; i++) {
            try (Stream<Path> s = Files.walk(Path.of(a[i]))) {
                s.sorted().forEach(p -> {
                    if (Files.isRegularFile(p)) {
                        files.add(p);
                    } else if (Files.isDirectory(p) && holdsFiles(p)) {
                        folders.add(p);
                    }
                });
            }
        }
        int runs = 0;
        try (Writer w = Files.newBufferedWriter(Path.of(a[0]), StandardCharsets.UTF_8)) {
            for (Path f : files) {
                if (f.getFileName().toString().endsWith(ARGS)) {
                    List<String> args = new ArrayList<>(List.of("ese", "logs"));
                    args.addAll(Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList());
                    runs += both(w, args);
                    continue;
                }
                for (String cmd : List.of("header", "checkpoint", "log")) {
                    runs += both(w, List.of("ese", cmd, f.toString()));
                }
                w.write("### EseFile.openAll " + f + "\n" + api(() -> EseFile.openAll(f).toString()) + "\n");
            }
            for (Path d : folders) {
                runs += both(w, List.of("ese", "logs", d.toString()));
                w.write("### LogChain.analyzeDirectory " + d + "\n"
                        + api(() -> LogChain.analyzeDirectory(d, List.of()).toString()) + "\n");
            }
        }
        System.err.println(a[0] + ": " + files.size() + " files, " + folders.size() + " folders, " + runs
                + " command runs");
    }

    private static boolean holdsFiles(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.anyMatch(p -> Files.isRegularFile(p) && !p.getFileName().toString().endsWith(ARGS));
        } catch (IOException e) {
            return false;
        }
    }

    /** The command as text, then with --format json. */
    private static int both(Writer w, List<String> args) throws IOException {
        run(w, args);
        List<String> json = new ArrayList<>(args);
        json.add("--format");
        json.add("json");
        run(w, json);
        return 2;
    }

    private static void run(Writer w, List<String> args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        w.write("### " + String.join(" ", args) + "\nexit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err);
    }

    private interface Call {
        String get();
    }

    private static String api(Call c) {
        try {
            return c.get();
        } catch (EseException e) {
            return "EseException: " + e.getMessage() + " @" + e.offset();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
