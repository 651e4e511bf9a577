package org.patchlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad arguments stop the job on the driver, with one line and exit code 2, before Spark starts. */
@Tag("spark")
class FleetJobArgumentsTest {
    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new FleetJob()).setErr(new PrintWriter(err)).execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void badModeRegexAndBudgetAreUsageErrors() {
        String[] mode = run("bogus", "--input", "x", "--output", "y");
        assertEquals("2", mode[0]);
        assertTrue(mode[1].startsWith("MODE is dump, artifacts or deleted, not bogus"), mode[1]);
        String[] regex = run("dump", "--input", "x", "--output", "y", "--host-from", "(");
        assertEquals("2", regex[0]);
        assertTrue(regex[1].startsWith("--host-from: not a regex: Unclosed group"), regex[1]);
        String[] backslash = run("dump", "--input", "x", "--output", "y", "--host-from", "hosts\\");
        assertEquals("2", backslash[0]);
        assertTrue(backslash[1].startsWith("--host-from: not a regex: a trailing backslash escapes nothing"), backslash[1]);
        String[] budget = run("artifacts", "--input", "x", "--output", "y", "--file-seconds", "0");
        assertEquals("2", budget[0]);
        assertTrue(budget[1].startsWith("--file-seconds must be at least 1"), budget[1]);
        assertEquals("2", run("dump", "--input", "x")[0], "--output is required");
    }
}
