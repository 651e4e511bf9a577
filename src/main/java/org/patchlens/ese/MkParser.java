package org.patchlens.ese;

import static org.patchlens.ese.EseutilValues.lgpos;
import static org.patchlens.ese.EseutilValues.time;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/** Saved {@code eseutil /mk} text (a checkpoint) into a {@link CheckpointHeader}; labels as in ese-format.md 8.2. */
final class MkParser {
    /** The labels every eseutil /mk dump prints (5.5 and 2003), in its order; "Env" is its parameter line. */
    private static final List<String> ALWAYS_PRINTED = List.of("LastFullBackupCheckpoint", "Checkpoint", "FullBackup",
            "FullBackup time", "IncBackup", "IncBackup time", "Signature", "Env");

    private final DumpLines lines;
    private final DumpEnv env = new DumpEnv();
    private final DumpAttachments attachments;

    private String path;
    private LogPosition lastFullBackupCheckpoint = LogPosition.ZERO;
    private LogPosition checkpoint = LogPosition.ZERO;
    private LogPosition dbConsistency = LogPosition.ZERO;
    private LogPosition fullBackup = LogPosition.ZERO;
    private LogTime fullBackupTime = LogTime.UNSET;
    private LogPosition incrementalBackup = LogPosition.ZERO;
    private LogTime incrementalBackupTime = LogTime.UNSET;
    private Signature logSignature = Signature.of(0, LogTime.UNSET, "");
    /** Every label printed, in lower case: which of {@link #ALWAYS_PRINTED} the text lacks. */
    private final Set<String> printed = new HashSet<>();
    /** The last line with text, which a cut text may end inside. */
    private int lastLine;

    private MkParser(String textName) {
        lines = new DumpLines(textName);
        attachments = new DumpAttachments(lines, true);
    }

    static CheckpointHeader parse(String name, List<String> text) {
        MkParser p = new MkParser(name);
        p.read(text);
        return p.header(name);
    }

    private void read(List<String> text) {
        for (int n = 0; n < text.size(); n++) {
            String line = text.get(n);
            if (!line.isBlank()) {
                lastLine = n + 1;
            }
            if (attachments.starts(line)) {
                continue;
            }
            if (DumpEnv.isHeader(line)) {
                if (n + 1 < text.size()) {
                    env.read(line, text.get(n + 1));
                    n++;
                    lastLine = n + 1;
                    printed.add("env");
                }
                continue;
            }
            Matcher lm = EseutilValues.LABEL.matcher(line);
            if (!lm.matches()) {
                lines.keepUnlabeled(n + 1, line);
                continue;
            }
            String label = lm.group(1).trim();
            String value = EseutilValues.unpadded(lm.group(2));
            printed.add(label.toLowerCase(Locale.ROOT));
            if (!lines.map(n + 1, label, value, (key, v) -> attachments.take(key, v) || field(key, v))) {
                lines.keep(n + 1, line, label, value);
            }
        }
    }

    private boolean field(String key, String value) {
        switch (key) {
            case "checkpoint file" -> lines.set(value, v -> path = v);
            case "lastfullbackupcheckpoint" -> lines.set(lgpos(value), v -> lastFullBackupCheckpoint = v);
            case "checkpoint" -> lines.set(lgpos(value), v -> checkpoint = v);
            case "dbconsistency" -> lines.set(lgpos(value), v -> dbConsistency = v);
            case "fullbackup" -> lines.set(lgpos(value), v -> fullBackup = v);
            case "fullbackup time" -> lines.set(time(value), v -> fullBackupTime = v);
            case "incbackup" -> lines.set(lgpos(value), v -> incrementalBackup = v);
            case "incbackup time" -> lines.set(time(value), v -> incrementalBackupTime = v);
            case "signature" -> lines.signature(value, v -> logSignature = v);
            default -> {
                return false;
            }
        }
        return true;
    }

    private CheckpointHeader header(String name) {
        List<AttachedDatabase> att = attachments.all();
        List<Note> notes = new ArrayList<>();
        notes.add(Note.info("source: eseutil /mk text in " + name + "; no checksum was verified"));
        if (env.circularLogging == null) {
            notes.add(Note.info("no CircLog item in the Env line: an ESE97/early ESE98 checkpoint (INFERRED)"));
        }
        List<String> missing = DumpLines.notPrintedAfterCut(ALWAYS_PRINTED, printed);
        if (!missing.isEmpty()) {
            lines.cutShort(lastLine, "ends before " + String.join(", ", missing) + ", which every eseutil /mk dump "
                    + "prints: those fields are not in the text (shown as 0)", "/mk");
        }
        notes.addAll(lines.notes);
        return new CheckpointHeader(path != null ? path : name, Source.TEXT, 0, lastFullBackupCheckpoint, checkpoint,
                logSignature, env.params(), fullBackup, fullBackupTime, incrementalBackup, incrementalBackupTime,
                att.isEmpty() ? 0 : 1, dbConsistency, 0, att, 0, Verification.none(), notes, lines.kept);
    }
}
