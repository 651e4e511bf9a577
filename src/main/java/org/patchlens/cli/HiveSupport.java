package org.patchlens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.patchlens.hive.Damage;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;

/** What the hive commands share: opening, key lookup, the damage summary and the exit code. */
final class HiveSupport {
    private HiveSupport() {
    }

    static Hive open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        return Hive.open(file);
    }

    static Key key(Hive hive, String path) {
        if (path == null || path.isEmpty()) {
            return hive.root();
        }
        Key k = hive.key(path);
        if (k == null) {
            throw new NotFound(hive.name() + ": key not found: " + path);
        }
        return k;
    }

    /** Damage goes to stderr as a count plus the first few records; the exit code says whether there was any. */
    static int finish(Hive hive, PrintWriter err) {
        List<Damage> damage = hive.damage();
        if (damage.isEmpty()) {
            return Main.OK;
        }
        err.println("patchlens: " + hive.name() + ": " + damage.size() + " problem" + (damage.size() == 1 ? "" : "s")
                + " in the hive (unreadable structures are skipped, the rest was read):");
        damage.stream().limit(10).forEach(d -> err.println("  " + d));
        if (damage.size() > 10) {
            err.println("  ... (" + (damage.size() - 10) + " more; 'patchlens hive info' lists them all)");
        }
        err.flush();
        return Main.FINDINGS;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key or value that is not there: exit code 1 with one line. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }
}
