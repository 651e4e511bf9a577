package org.patchlens.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * One input file: where it is, its size and SHA-256 (taken before anything reads it), the kind
 * detected from its content, why (detail), and anything that went wrong reading it.
 *
 * @param name     the path as shown in reports (relative to the evidence folder when discovered)
 * @param explicit given by an option (--system, --cluster, ...) rather than found by discovery
 */
public record Evidence(Path path, String name, long size, String sha256, EvidenceKind kind, String detail,
                       List<String> errors, boolean explicit) {
}
