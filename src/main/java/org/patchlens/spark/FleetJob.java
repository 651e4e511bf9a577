package org.patchlens.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Hives from a whole fleet as a Spark job (docs/scale.md): {@code spark-submit --class org.patchlens.spark.FleetJob
 * target/patchlens.jar dump|artifacts|deleted --input GLOB --output DIR}. Files come through Spark's
 * {@code binaryFile} source (any file system the cluster reaches); the files of one folder go to one task, so a
 * hive travels with its logs; {@link FolderRows} reads them with the command line's readers. The tables
 * ({@link Tables}) are Parquet, partitioned by hive type.
 */
@Command(name = "FleetJob", mixinStandardHelpOptions = true,
        description = {"Reads every hive under --input with its logs and writes Parquet tables under --output:",
            "dump: keys, values, files; artifacts: artifacts, files; deleted: deleted, files (docs/scale.md)."})
public final class FleetJob implements Callable<Integer> {
    /** What the job writes. */
    public enum Mode {
        DUMP(Tables.KEYS, Tables.VALUES), ARTIFACTS(Tables.ARTIFACTS), DELETED(Tables.DELETED);

        private final List<String> tables;

        Mode(String... tables) {
            List<String> t = new ArrayList<>(List.of(tables));
            t.add(Tables.FILES);
            this.tables = List.copyOf(t);
        }

        public List<String> tables() {
            return tables;
        }
    }

    /** Largest file loaded: Spark's binaryFile source and a Java array both stop at 2 GiB. */
    static final long MAX_LENGTH = Integer.MAX_VALUE - 8;

    /** What every task needs to know (serialised to the executors). */
    record Settings(Mode mode, String root, String hostFrom, long fileSeconds) implements Serializable {
        /**
         * The host of a file: the first group of --host-from (or its whole match) in the path, else the first
         * folder under the input root; "" when neither says.
         */
        String host(String path) {
            String p = pathPart(path);
            if (hostFrom != null) {
                Matcher m = Pattern.compile(hostFrom).matcher(p);
                return !m.find() ? "" : m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
            }
            String r = pathPart(root);
            r = r.endsWith("/") ? r : r + "/";
            if (!p.startsWith(r)) {
                return "";
            }
            String rest = p.substring(r.length());
            int slash = rest.indexOf('/');
            return slash < 0 ? "" : rest.substring(0, slash);
        }
    }

    @Parameters(index = "0", paramLabel = "MODE", description = "dump, artifacts or deleted.")
    String mode;

    @Option(names = "--input", required = true, paramLabel = "GLOB",
            description = "Files or folders to read (a Hadoop glob: file:/, hdfs://, s3a://); folders are read whole.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the tables are written "
            + "(DIR/keys, DIR/files, ...); a table that exists is an error.")
    String output;

    @Option(names = "--host-from", paramLabel = "REGEX", description = "The host is this regex's first group in each "
            + "file's path (default: the first folder under the input root).")
    String hostFrom;

    @Option(names = "--file-seconds", paramLabel = "N", description = "Time budget of one hive, in seconds (default: "
            + "${DEFAULT-VALUE}); a hive still being read then is reported in files.")
    long fileSeconds = 600;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new FleetJob()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        Mode m;
        try {
            m = Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "MODE is dump, artifacts or deleted, not "
                    + mode);
        }
        if (hostFrom != null) {
            try {
                Pattern.compile(hostFrom); // a bad regex fails here, on the driver, not in every task
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--host-from: not a regex: "
                        + org.patchlens.hive.HiveSearch.whyNotARegex(e, hostFrom));
            }
        }
        if (fileSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--file-seconds must be at least 1");
        }
        SparkSession spark = SparkSession.builder().appName("patchlens " + mode).getOrCreate();
        try {
            run(spark, new Settings(m, root(input), hostFrom, fileSeconds), input, output);
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** The folder the glob starts from: everything before its first wildcard, up to the last slash. */
    static String root(String glob) {
        int wild = glob.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = glob.indexOf(c);
            if (i >= 0) {
                wild = Math.min(wild, i);
            }
        }
        String head = glob.substring(0, wild);
        if (wild < glob.length()) {
            head = head.substring(0, head.lastIndexOf('/') + 1);
        }
        return head;
    }

    /** A path or URI's path part (file:/a/b and /a/b and hdfs://nn/a/b compare alike). */
    static String pathPart(String p) {
        return new org.apache.hadoop.fs.Path(p).toUri().getPath();
    }

    /** Reads the files of {@code input} and writes the mode's tables under {@code output}. */
    public static void run(SparkSession spark, Settings settings, String input, String output) {
        Dataset<Row> raw = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(input);
        // the length filter is pushed into the source, which then never reads a larger file's bytes
        Dataset<Row> loaded = raw.filter(col("length").leq(MAX_LENGTH)).select("path", "length", "content");
        Dataset<Row> large = raw.filter(col("length").gt(MAX_LENGTH)).select(col("path"), col("length"),
                lit(null).cast(DataTypes.BinaryType).as("content"));
        // Spark's file sources list an empty file but never hand it to a task: such files (an empty .LOG2, say) are
        // the listed ones the source does not return, and each gets its rows as a file of no bytes. The listing
        // names files as URIs (file:///a%20b), the source's path column as Hadoop paths (file:/a b).
        List<String> all = new ArrayList<>();
        for (String uri : raw.inputFiles()) {
            all.add(new org.apache.hadoop.fs.Path(java.net.URI.create(uri)).toString());
        }
        Dataset<Row> listed = spark.createDataset(all, Encoders.STRING()).toDF("path");
        Dataset<Row> empty = listed.join(raw.select("path"), listed.col("path").equalTo(raw.col("path")), "left_anti")
                .select(listed.col("path"), lit(0L).as("length"), lit(new byte[0]).as("content"));
        Dataset<Row> rows = loaded.union(large).union(empty)
                .groupByKey((MapFunction<Row, String>) r -> folder(r.getString(0)), Encoders.STRING())
                .flatMapGroups(new Read(settings), Encoders.row(Tables.UNION))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            for (String table : settings.mode().tables()) {
                rows.filter(col("table").equalTo(table)).select(col(Tables.HIVE_TYPE), col(table + ".*"))
                        .write().mode(SaveMode.ErrorIfExists).partitionBy(Tables.HIVE_TYPE)
                        .parquet(output + "/" + table);
            }
        } finally {
            rows.unpersist();
        }
    }

    /** The folder of a path: what groups a hive with its logs. */
    static String folder(String path) {
        return path.substring(0, Math.max(0, path.lastIndexOf('/')));
    }

    /** The task's side: one folder's files in, its rows out. */
    static final class Read implements FlatMapGroupsFunction<String, Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Settings settings;

        Read(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Iterator<Row> call(String folder, Iterator<Row> files) {
            Iterator<FolderRows.In> in = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return files.hasNext();
                }

                @Override
                public FolderRows.In next() {
                    Row r = files.next();
                    return new FolderRows.In(r.getString(0), r.getLong(1), r.isNullAt(2) ? null : r.getAs(2));
                }
            };
            return new FolderRows(settings, in);
        }
    }
}
