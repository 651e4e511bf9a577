package org.patchlens.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.patchlens.cli.Main;

/** Runs {@code patchlens check} in-process on a written scenario and keeps the findings. */
record ScenarioRun(int exit, List<JsonNode> findings, String err) {
    static ScenarioRun of(RestoreScenario s, Path dir) throws Exception {
        s.write(dir);
        List<String> args = new ArrayList<>(List.of("check", dir.toString(), "--format", "jsonl"));
        args.addAll(s.options);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> f = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                f.add(m.readTree(line));
            }
        }
        return new ScenarioRun(code, f, err.toString());
    }

    /** Rule IDs with a FAIL result. */
    TreeSet<String> failing() {
        TreeSet<String> t = new TreeSet<>();
        findings.stream().filter(f -> f.get("status").asText().equals("FAIL")).forEach(f -> t.add(f.get("rule")
                .asText()));
        return t;
    }

    /** Rule IDs with a FAIL or WARN at CRIT or HIGH. */
    TreeSet<String> blocking() {
        TreeSet<String> t = new TreeSet<>();
        findings.stream().filter(f -> !f.get("status").asText().equals("PASS")
                && !f.get("status").asText().equals("SKIPPED")
                && (f.get("severity").asText().equals("CRIT") || f.get("severity").asText().equals("HIGH")))
                .forEach(f -> t.add(f.get("rule").asText()));
        return t;
    }

    List<JsonNode> of(String rule) {
        return findings.stream().filter(f -> f.get("rule").asText().equals(rule)).toList();
    }

    List<JsonNode> failures(String rule) {
        return of(rule).stream().filter(f -> f.get("status").asText().equals("FAIL")).toList();
    }

    String dump() {
        StringBuilder sb = new StringBuilder();
        for (JsonNode f : findings) {
            if (!f.get("status").asText().equals("PASS")) {
                sb.append(f.get("rule").asText()).append(' ').append(f.get("status").asText()).append(' ')
                        .append(f.get("severity").asText()).append(" | ").append(f.get("object").asText()).append(" | ")
                        .append(f.get("expected").asText()).append(" | ").append(f.get("actual").asText()).append(" | ")
                        .append(f.get("detail").asText()).append('\n');
            }
        }
        return sb.toString();
    }
}
