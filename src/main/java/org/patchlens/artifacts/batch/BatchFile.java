package org.patchlens.artifacts.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.InputFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * A RECmd batch file ({@code .reb}): YAML with a header (Description, Author, Version, Id) and a list of
 * {@code Keys}, each a {@link BatchEntry}. Read the way RECmd reads it (its fields, their names and types, what it
 * requires, field names as written), into nodes rather than objects, so that every error names the line and the
 * field: a field RECmd does not know, a missing one, a type name or conversion it does not have, a value that
 * is not true or false. The YAML reader's own limits guard against crafted files (nesting, aliases, size).
 */
public record BatchFile(String file, String description, String author, String version, String id,
                        List<BatchEntry> entries) {
    /** Larger than any batch file seen (DFIRBatch.reb is about 300 KB): a guard, not a format rule. */
    static final long MAX_SIZE = 8L << 20;

    private static final Set<String> HEADER = Set.of("Description", "Author", "Version", "Id", "Keys");
    private static final Set<String> FIELDS = Set.of("Description", "HiveType", "Category", "KeyPath", "ValueName",
            "Recursive", "IncludeBinary", "BinaryConvert", "Comment", "DisablePlugin");
    /** The comment below an entry that names the RECmd plugin RECmd runs there (Kroll_Batch.reb's convention). */
    private static final Pattern PLUGIN_COMMENT = Pattern.compile(
            "RegistryPlugins/tree/\\w+/Registry(?:Plugin|Explorer)\\.(\\w+)|^\\s*#\\s*(\\w+) plugin\\b");

    public BatchFile {
        entries = List.copyOf(entries);
    }

    /** Reads and checks a batch file; a bad one is a {@link BatchFileException} naming its line and field. */
    public static BatchFile read(Path path) throws IOException {
        InputFile.check(path);
        long size = Files.size(path);
        if (size > MAX_SIZE) {
            throw new BatchFileException(path.toString(), size + " bytes; a batch file is at most " + MAX_SIZE
                    + " bytes");
        }
        return parse(path.toString(), Files.readAllBytes(path));
    }

    /** Parses the bytes of a batch file named {@code file} (UTF-8, UTF-16 with a byte order mark). */
    public static BatchFile parse(String file, byte[] bytes) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // checked here, to name the line
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit((int) MAX_SIZE);
        Node root;
        String text;
        try (InputStream in = new ByteArrayInputStream(bytes); UnicodeReader reader = new UnicodeReader(in)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = reader.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
            root = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            if (problem != null && problem.contains("\\t")) {
                problem += " (YAML indents with spaces, not tabs)";
            }
            throw BatchFileException.at(file, m == null ? 1 : m.getLine() + 1, null, "not YAML: " + problem);
        } catch (java.nio.charset.CharacterCodingException e) {
            // a hive or other binary named as the batch file: the decoder's "Input length = 1" says nothing
            // (UnicodeReader reads UTF-16 after its byte order mark, UTF-8 otherwise)
            boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                    || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
            throw new BatchFileException(file, "not a RECmd batch file: not " + (utf16 ? "UTF-16" : "UTF-8") + " text");
        } catch (YAMLException | IOException e) {
            throw new BatchFileException(file, "not YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode top)) {
            throw BatchFileException.at(file, root == null ? 1 : line(root), null,
                    "a batch file is a mapping with Description, Author, Version, Id and Keys");
        }
        Map<String, Node> header = fields(file, top, HEADER, "the batch file's header");
        String description = required(file, top, header, "Description");
        String author = required(file, top, header, "Author");
        String version = required(file, top, header, "Version");
        String id = required(file, top, header, "Id");
        Node keys = header.get("Keys");
        if (!(keys instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw BatchFileException.at(file, keys == null ? line(top) : line(keys), "Keys",
                    keys == null ? "missing" : "a list of at least one entry");
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<MappingNode> maps = new ArrayList<>();
        for (Node n : list.getValue()) {
            if (!(n instanceof MappingNode m)) {
                throw BatchFileException.at(file, line(n), "Keys", "each entry is a mapping of fields");
            }
            maps.add(m);
        }
        List<BatchEntry> entries = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            int next = i + 1 < maps.size() ? line(maps.get(i + 1)) : lines.length + 1;
            entries.add(entry(file, maps.get(i), plugin(lines, lastLine(maps.get(i)), next)));
        }
        return new BatchFile(file, description, author, version, id, entries);
    }

    private static BatchEntry entry(String file, MappingNode m, String plugin) {
        Map<String, Node> f = fields(file, m, FIELDS, "an entry");
        String hiveTypeName = required(file, m, f, "HiveType");
        RecmdHiveType hiveType = RecmdHiveType.named(hiveTypeName);
        if (hiveType == null) {
            throw BatchFileException.at(file, line(f.get("HiveType")), "HiveType", "'" + hiveTypeName
                    + "' is not one of RECmd's hive types (" + RecmdHiveType.names() + ")");
        }
        String convertName = optional(file, f, "BinaryConvert");
        BinaryConvert convert = BinaryConvert.NONE;
        if (convertName != null) {
            convert = BinaryConvert.named(convertName);
            if (convert == null) {
                throw BatchFileException.at(file, line(f.get("BinaryConvert")), "BinaryConvert", "'" + convertName
                        + "' is not one of RECmd's conversions (" + String.join(", ", BinaryConvert.names()) + ")");
            }
        }
        String keyPath = required(file, m, f, "KeyPath");
        String valueName = optional(file, f, "ValueName");
        return new BatchEntry(line(m), required(file, m, f, "Description"), hiveType, required(file, m, f, "Category"),
                keyPath, valueName == null || valueName.isEmpty() ? null : valueName, bool(file, f, "Recursive"),
                bool(file, f, "IncludeBinary"), convert, optional(file, f, "Comment"), bool(file, f, "DisablePlugin"),
                plugin);
    }

    /**
     * The RECmd plugin named by the comments after an entry, before the next one: RECmd's batch files (Kroll_Batch,
     * DFIRBatch) put {@code # TimeZoneInfo plugin - https://github.com/EricZimmerman/RegistryPlugins/...} right
     * below the entry the plugin decodes. Null when none does.
     */
    private static String plugin(String[] lines, int lastLine, int nextEntry) {
        for (int i = lastLine + 1; i < nextEntry && i <= lines.length; i++) {
            String l = lines[i - 1].strip();
            if (!l.startsWith("#")) {
                continue;
            }
            Matcher mt = PLUGIN_COMMENT.matcher(l);
            if (mt.find()) {
                return mt.group(1) != null ? mt.group(1) : mt.group(2);
            }
        }
        return null;
    }

    /** The scalar fields of a mapping by name; an unknown or repeated field is an error at its line. */
    private static Map<String, Node> fields(String file, MappingNode m, Set<String> known, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw BatchFileException.at(file, line(t.getKeyNode()), null, "a field name must be plain text");
            }
            String name = k.getValue();
            if (!known.contains(name)) {
                String close = known.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
                        .map(n -> "; RECmd spells it " + n).orElse("");
                throw BatchFileException.at(file, line(k), name, "RECmd has no such field in " + what + close);
            }
            if (!seen.add(name)) {
                throw BatchFileException.at(file, line(k), name, "given twice");
            }
            if (!name.equals("Keys") && !(t.getValueNode() instanceof ScalarNode)) {
                throw BatchFileException.at(file, line(t.getValueNode()), name, "must be a single value");
            }
            out.put(name, t.getValueNode());
        }
        return out;
    }

    private static String required(String file, MappingNode m, Map<String, Node> f, String name) {
        String v = optional(file, f, name);
        if (v == null || v.isBlank()) {
            throw BatchFileException.at(file, f.containsKey(name) ? line(f.get(name)) : line(m), name,
                    f.containsKey(name) ? "empty" : "missing (RECmd requires it)");
        }
        return v;
    }

    /** A scalar's text, or null when absent or YAML's null ({@code ~}, nothing). */
    private static String optional(String file, Map<String, Node> f, String name) {
        Node n = f.get(name);
        if (n == null) {
            return null;
        }
        ScalarNode s = (ScalarNode) n;
        boolean plainNull = s.isPlain() && (s.getValue().isEmpty() || s.getValue().equals("~")
                || s.getValue().equalsIgnoreCase("null"));
        return plainNull ? null : s.getValue();
    }

    private static boolean bool(String file, Map<String, Node> f, String name) {
        String v = optional(file, f, name);
        if (v == null) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw BatchFileException.at(file, line(f.get(name)), name, "'" + v + "' is not true or false");
    }

    /** The line of a mapping's last value (its end mark may lie past the comments that follow it). */
    private static int lastLine(MappingNode m) {
        List<NodeTuple> v = m.getValue();
        return v.isEmpty() ? line(m) : v.get(v.size() - 1).getValueNode().getEndMark().getLine() + 1;
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }
}
