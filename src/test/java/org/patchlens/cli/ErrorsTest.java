package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void anIoErrorWrappedByALibraryIsAnIoErrorNotAnInternalOne() {
        // POI writes a workbook's sheets to temporary files and wraps their I/O errors: a full disk is no bug to report
        assertEquals("I/O error: No space left on device (in IllegalStateException; --debug shows where)",
                Errors.oneLine(new IllegalStateException(new IOException("No space left on device"))));
        assertEquals("I/O error: File too large (in RuntimeException; --debug shows where)", Errors.oneLine(
                new RuntimeException("outer", new IllegalStateException(new IOException("File too large")))));
    }

    @Test
    void anythingElseUnexpectedIsAnInternalError() {
        assertEquals("internal error: java.lang.IllegalStateException: broken (please report it; --debug shows where)",
                Errors.oneLine(new IllegalStateException("broken", new IllegalArgumentException("cause"))));
        assertEquals("internal error: java.lang.NullPointerException (please report it; --debug shows where)",
                Errors.oneLine(new NullPointerException()));
    }
}
