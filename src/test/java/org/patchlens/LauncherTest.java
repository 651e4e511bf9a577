package org.patchlens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher script ({@code ./patchlens}) names some of patchlens' own methods in its JVM flags (methods C2
 * compiles apart instead of inlining them). A renamed or removed method would make its flag silently do
 * nothing: every method named there must exist, and the flags must keep HotSpot from printing them on stdout.
 */
class LauncherTest {
    private static final Pattern COMMAND = Pattern.compile("-XX:CompileCommand=(\\w+)(?:,([\\w.$]+)::(\\w+))?");

    @Test
    void everyMethodTheLauncherNamesExists() throws Exception {
        String script = Files.readString(Path.of("patchlens"));
        Matcher m = COMMAND.matcher(script);
        List<String> named = new ArrayList<>();
        boolean quiet = false;
        while (m.find()) {
            if (m.group(2) == null) {
                quiet |= m.group(1).equals("quiet");
                continue;
            }
            assertTrue(quiet, "CompileCommand=quiet must come first, or HotSpot prints each command on stdout: "
                    + m.group());
            Class<?> c = Class.forName(m.group(2));
            String method = m.group(3);
            assertTrue(Arrays.stream(c.getDeclaredMethods()).anyMatch(x -> x.getName().equals(method)),
                    m.group(2) + " has no method " + method + " (named in ./patchlens)");
            named.add(m.group(2) + "::" + method);
        }
        assertFalse(named.isEmpty(), "the launcher names no method: this test looks for the wrong pattern");
        assertEquals(named.stream().distinct().count(), named.size(), "named twice: " + named);
    }
}
