package org.patchlens.fuzz;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.patchlens.evidence.Hashing;

/**
 * An evidence tree's state: every entry below the root (links not followed) by relative name, with the
 * SHA-256, size and modification time of regular files and the target of links. Compared before and after
 * a command: the evidence must be exactly as it was, nothing added or removed.
 */
final class EvidenceState {
    private EvidenceState() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    out.put(root.relativize(dir).toString() + "/", "folder");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = root.relativize(file).toString();
                if (attrs.isSymbolicLink()) {
                    out.put(name, "link to " + Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    out.put(name, Hashing.sha256(file) + " " + attrs.size() + " " + attrs.lastModifiedTime());
                } else {
                    out.put(name, "other");
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /** The regular files' relative names. */
    static Set<String> files(Path root) throws IOException {
        Map<String, String> all = of(root);
        all.values().removeIf(v -> v.equals("folder") || v.startsWith("link to ") || v.equals("other"));
        return all.keySet();
    }

    static void same(Map<String, String> before, Map<String, String> after, String cmd) {
        if (!before.equals(after)) {
            Map<String, String> diff = new TreeMap<>();
            before.forEach((k, v) -> {
                if (!v.equals(after.get(k))) {
                    diff.put(k, v + " -> " + after.get(k));
                }
            });
            after.forEach((k, v) -> diff.putIfAbsent(k, before.containsKey(k) ? diff.get(k) : "added: " + v));
            diff.values().removeIf(java.util.Objects::isNull);
            throw new AssertionError(cmd + ": the evidence changed: " + diff);
        }
    }
}
