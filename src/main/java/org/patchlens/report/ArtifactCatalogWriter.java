package org.patchlens.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.patchlens.artifacts.Catalog;
import org.patchlens.artifacts.FieldSpec;
import org.patchlens.artifacts.HiveType;
import org.patchlens.artifacts.Spec;

/**
 * The artifact plugin catalog ({@code hive artifacts --list-plugins}) as text, JSONL or Markdown; the Markdown is
 * docs/artifacts.md, kept equal to it by a test.
 */
public final class ArtifactCatalogWriter {
    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.TEXT, OutputFormat.JSONL, OutputFormat.MD);

    private ArtifactCatalogWriter() {
    }

    public static void write(OutputFormat format, Writer out) throws IOException {
        switch (format) {
            case JSONL -> jsonl(out);
            case MD -> markdown(out);
            default -> text(out);
        }
        out.flush();
    }

    public static void text(Writer out) throws IOException {
        int name = "PLUGIN".length();
        int artifact = "ARTIFACT".length();
        for (Catalog c : Catalog.values()) {
            name = Math.max(name, c.pluginName().length());
            artifact = Math.max(artifact, c.spec().artifact().length());
        }
        String row = "%-" + name + "s  %-8s  %-" + artifact + "s  %s%n";
        out.write(String.format(row, "PLUGIN", "HIVE", "ARTIFACT", "DECODES"));
        for (Catalog c : Catalog.values()) {
            Spec s = c.spec();
            out.write(String.format(row, s.name(), s.hive().label(), s.artifact(), s.decodes()));
        }
    }

    public static void jsonl(Writer out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        for (Catalog c : Catalog.values()) {
            Spec s = c.spec();
            g.writeStartObject();
            g.writeStringField("plugin", s.name());
            g.writeStringField("regipy", s.regipy());
            g.writeStringField("hiveType", s.hive().label());
            g.writeStringField("artifact", s.artifact());
            g.writeStringField("decodes", s.decodes());
            g.writeArrayFieldStart("fields");
            for (FieldSpec f : s.fields()) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeStringField("kind", f.kind().name());
                g.writeStringField("doc", f.doc());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeRaw('\n');
        g.flush();
    }

    public static void markdown(Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Artifacts\n\n");
        sb.append("## Plugins\n\n| plugin | regipy | hive | artifact | decodes |\n|---|---|---|---|---|\n");
        for (Catalog c : Catalog.values()) {
            Spec s = c.spec();
            sb.append("| `").append(s.name()).append("` | ").append(s.regipy().isEmpty() ? "-" : "`" + s.regipy() + "`")
                    .append(" | ").append(s.hive().label()).append(" | ").append(cell(s.artifact())).append(" | ")
                    .append(cell(s.decodes())).append(" |\n");
        }
        sb.append("\n## Hive types\n\n| type | signal |\n|---|---|\n");
        for (HiveType t : HiveType.values()) {
            sb.append("| ").append(t.label()).append(" | ").append(cell(t.signal())).append(" |\n");
        }
        for (Catalog c : Catalog.values()) {
            Spec s = c.spec();
            sb.append("\n### `").append(s.name()).append("`\n\n").append(s.artifact()).append(" (").append(s.hive().label())
                    .append("): ").append(s.decodes()).append(".\n\n| field | kind | holds |\n|---|---|---|\n");
            for (FieldSpec f : s.fields()) {
                sb.append("| `").append(f.name()).append("` | ").append(f.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ").append(cell(f.doc())).append(" |\n");
            }
            if (!s.checked().isEmpty()) {
                sb.append("\nChecked: ").append(s.checked()).append('\n');
            }
        }
        out.write(sb.toString());
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
