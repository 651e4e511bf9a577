package org.patchlens.ese;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the text of an {@code eseutil /ml <base>} range run line by line, in the forms the engine prints
 * (SOURCE logdump.cxx ErrDUMPLog, Exchange 2000/2003 and current): banner, {@code Verifying log files...},
 * {@code Base name:}, {@code Log file: <path> - OK} or the path followed by an indented ERROR line,
 * {@code Missing log file(s):}, the summary and the trailer.
 */
final class MlListingBuilder {
    private final List<String> lines = new ArrayList<>();

    MlListingBuilder(String base) {
        lines.add("");
        lines.add("Microsoft(R) Exchange Server Database Utilities");
        lines.add("Version 6.5");
        lines.add("Copyright (C) Microsoft Corporation. All Rights Reserved.");
        lines.add("");
        lines.add("Initiating FILE DUMP mode...");
        lines.add("Verifying log files...");
        lines.add("     Base name: " + base);
        lines.add("");
    }

    MlListingBuilder ok(String path) {
        lines.add("      Log file: " + path + " - OK");
        return this;
    }

    /** The file, then eseutil's ERROR line on the next line, indented as the engine indents it. */
    MlListingBuilder error(String path, String error) {
        lines.add("      Log file: " + path);
        lines.add("                ERROR: " + error);
        return this;
    }

    MlListingBuilder missing(String name) {
        lines.add("      Missing log file: " + name);
        return this;
    }

    MlListingBuilder missingRange(String prefix, String low, String high, String ext) {
        lines.add("      Missing log files: " + prefix + "{" + low + " - " + high + "}" + ext);
        return this;
    }

    MlListingBuilder line(String raw) {
        lines.add(raw);
        return this;
    }

    /** eseutil found nothing wrong. */
    String clean() {
        return join(List.of("", "No damaged log files were found.", "", "Operation completed successfully in 0.922 seconds.", ""),
                "\r\n");
    }

    /** eseutil found something: no summary line, the error trailer. */
    String failed(int error, String name) {
        return join(List.of("", "", "Operation terminated with error " + error + " (" + name + ") after 0.47 seconds.", ""),
                "\r\n");
    }

    /** The text as it stands, cut before eseutil's summary. */
    String cut() {
        return join(List.of(), "\n");
    }

    private String join(List<String> tail, String eol) {
        List<String> all = new ArrayList<>(lines);
        all.addAll(tail);
        return String.join(eol, all);
    }
}
