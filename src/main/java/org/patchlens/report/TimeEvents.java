package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.patchlens.hive.FileTime;

/**
 * The two timeline interchange formats, one line per event, shared by {@code hive timeline} and {@code hive
 * artifacts} so that both write them alike (docs/hive-formats.md):
 *
 * <ul>
 * <li>{@link OutputFormat#BODYFILE}: The Sleuth Kit's body file v3, {@code MD5|name|inode|mode_as_string|UID|GID|
 * size|atime|mtime|ctime|crtime}, the time as mtime in whole seconds since 1970 (the format has no fractions),
 * the other times 0 as RegRipper's regtime writes them; inode is the file offset of the cell the time is read from.
 * The name is shown as the text formats show it, {@code %} and {@code |} percent-escaped, so every line has eleven
 * fields and mactime shows no character that acts on a terminal.</li>
 * <li>{@link OutputFormat#TIMESKETCH}: JSONL with Timesketch's {@code message}, {@code datetime} (ISO-8601,
 * microseconds), {@code timestamp} (microseconds since 1970) and {@code timestamp_desc}, then the writer's own
 * fields.</li>
 * </ul>
 */
public final class TimeEvents {
    /** The event formats, for the writers' format lists. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.BODYFILE, OutputFormat.TIMESKETCH);

    /** {@code timestamp_desc} of a key's last-written time. */
    public static final String KEY_LAST_WRITTEN = "Key Last Written";

    /** Seconds between 1601-01-01 (FILETIME) and 1970-01-01 (Unix). */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private static final DateTimeFormatter MICROS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private TimeEvents() {
    }

    /** Whole seconds since 1970 (negative before it); the FILETIME is read as unsigned, its fraction dropped. */
    public static long unixSeconds(long fileTime) {
        return Long.divideUnsigned(fileTime, 10_000_000L) - EPOCH_DIFF_SECONDS;
    }

    /** Microseconds since 1970, as Timesketch's {@code timestamp} (the last of FILETIME's seven digits dropped). */
    public static long unixMicros(long fileTime) {
        return Long.divideUnsigned(fileTime, 10L) - EPOCH_DIFF_SECONDS * 1_000_000L;
    }

    /** {@code 2012-04-04T11:47:06.687500+00:00}: ISO-8601 with microseconds, as Timesketch's {@code datetime}. */
    public static String datetime(long fileTime) {
        return MICROS.format(FileTime.toInstant(fileTime));
    }

    /** One body file line: {@code 0|NAME|OFFSET|0|0|0|0|0|MTIME|0|0}. */
    public static void bodyfile(Writer w, String name, long offset, long fileTime) throws IOException {
        w.write("0|" + bodyName(name) + "|" + offset + "|0|0|0|0|0|" + unixSeconds(fileTime) + "|0|0\n");
    }

    /**
     * A name fit for one body file field: the text formats' rendering ({@link Printable#of}: control, bidirectional
     * and line-separator characters as {@code \n}, {@code \}{@code u001b}, ...), then {@code %} as {@code %25} and
     * {@code |} as {@code %7C}. mactime decodes every {@code %XX} of a field, so these two come back as themselves,
     * while a control character written {@code %XX} would come back raw: an ESC on the examiner's terminal, a line
     * feed that makes mactime drop the event. (TSK's own {@code fls} replaces controls with {@code ^} and leaves
     * {@code |}, which mactime would then read as a field separator.)
     */
    public static String bodyName(String name) {
        return Printable.of(name).replace("%", "%25").replace("|", "%7C");
    }

    /** The Timesketch fields that start every event object (the caller writes its own fields, then ends it). */
    public static void timesketchStart(JsonGenerator g, String message, long fileTime, String desc) throws IOException {
        g.writeStartObject();
        g.writeStringField("message", message);
        g.writeStringField("datetime", datetime(fileTime));
        g.writeNumberField("timestamp", unixMicros(fileTime));
        g.writeStringField("timestamp_desc", desc);
    }
}
