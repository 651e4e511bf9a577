package org.patchlens.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * How much a command may write for one hive: {@value #FACTOR} times the hive's size plus
 * {@value #SLACK_MIB} MiB. Real hives give at most about 2.2 times their size in any format (measured on
 * every hive of the shared corpus: JSONL, CSV, text); a crafted hive whose keys share one value list or
 * nest deep with long names could ask for thousands of times its size, and is cut here instead of
 * filling the disk. The output ends at the last whole line written before the budget (a partial line of
 * up to {@value #HELD_LINE_BYTES} bytes is held back and dropped), and the command reports it as damage.
 */
public final class OutputBudget {
    public static final int FACTOR = 16;
    public static final int SLACK_MIB = 16;
    /** The longest partial line held back so that a cut output ends on a line boundary. */
    static final int HELD_LINE_BYTES = 1 << 20;

    private OutputBudget() {
    }

    /** The budget in bytes for input of {@code inputBytes}. */
    public static long forInput(long inputBytes) {
        long slack = (long) SLACK_MIB << 20;
        return inputBytes > (Long.MAX_VALUE - slack) / FACTOR ? Long.MAX_VALUE : FACTOR * inputBytes + slack;
    }

    /** The budget was reached: what was written ends at the last whole line before it. */
    public static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;
        private final long budget;

        public Exceeded(long budget) {
            super("output budget of " + budget + " bytes reached");
            this.budget = budget;
        }

        public long budget() {
            return budget;
        }

        /** The damage line a command prints for {@code input} of {@code inputBytes}. */
        public String describe(String input, long inputBytes) {
            return describe(input, inputBytes, 0, "the hive asks for far more output than its size (keys sharing "
                    + "value lists, or deep long paths)");
        }

        /**
         * The damage line of a budget of {@link #forInput} ({@code inputBytes} plus {@code extraMib} MiB), so that
         * the numbers it names add up to the budget it names.
         */
        public String describe(String input, long inputBytes, int extraMib, String why) {
            return input + ": output cut at " + budget + " bytes (" + FACTOR + " times the " + inputBytes
                    + "-byte input" + (extraMib > 0 ? " and " + extraMib + " MiB," : "") + " plus " + SLACK_MIB
                    + " MiB): " + why + "; the rest is left out";
        }
    }

    /**
     * {@code out} limited to {@code budget} bytes, ending on a line boundary when cut; {@code utf16} for
     * UTF-16LE text (a line ends after the two bytes 0A 00 at an even position).
     */
    static Limited limit(OutputStream out, long budget, boolean utf16) {
        return new Limited(out, budget, utf16);
    }

    static final class Limited extends FilterOutputStream {
        private final long budget;
        private final int unit;
        private long written;
        private byte[] held = new byte[256];
        private int heldLength;
        private boolean cut;

        Limited(OutputStream out, long budget, boolean utf16) {
            super(out);
            this.budget = budget;
            this.unit = utf16 ? 2 : 1;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (cut) {
                throw new Exceeded(budget);
            }
            if (heldLength == 0 && written + len <= budget - 2L * HELD_LINE_BYTES) {
                out.write(b, off, len); // far from the budget: straight through
                written += len;
                return;
            }
            if (written + heldLength + len > budget) {
                int room = (int) Math.max(0, budget - written - heldLength);
                int end = lineEnd(b, off, room);
                if (end >= 0) {
                    pass(b, off, end - off);
                }
                cut = true;
                heldLength = 0; // a partial line is dropped
                throw new Exceeded(budget);
            }
            int end = lineEnd(b, off, len);
            if (end >= 0) {
                pass(b, off, end - off);
                hold(b, end, off + len - end);
            } else {
                hold(b, off, len);
            }
        }

        /** Everything held so far, then these bytes, go through. */
        private void pass(byte[] b, int off, int len) throws IOException {
            if (heldLength > 0) {
                out.write(held, 0, heldLength);
                written += heldLength;
                heldLength = 0;
            }
            out.write(b, off, len);
            written += len;
        }

        /** Whether the budget was reached. */
        boolean wasCut() {
            return cut;
        }

        /** 2 for UTF-16LE text (a line ends with 0A 00 at an even position), else 1. */
        int unit() {
            return unit;
        }

        private void hold(byte[] b, int off, int len) throws IOException {
            if (heldLength + len > HELD_LINE_BYTES) {
                pass(b, off, len); // a line too long to hold back goes through as it comes
                return;
            }
            if (heldLength + len > held.length) {
                held = Arrays.copyOf(held, Math.max(heldLength + len, held.length * 2));
            }
            System.arraycopy(b, off, held, heldLength, len);
            heldLength += len;
        }

        /** The index just after the last line end within b[off, off + len), or -1. */
        private int lineEnd(byte[] b, int off, int len) {
            long start = written + heldLength - off; // stream position of b[0]
            for (int i = off + len - unit; i >= off; i--) {
                if (b[i] == '\n' && (unit == 1 || ((start + i) & 1) == 0 && b[i + 1] == 0)) {
                    return i + unit;
                }
            }
            return -1;
        }

        /** A flush does not push out a held partial line (only {@link #close} does), so a cut stays on a line end. */
        @Override
        public void flush() throws IOException {
            out.flush();
        }

        /** The end of a complete output: what is held goes through, and everything is flushed. */
        void finish() throws IOException {
            if (!cut && heldLength > 0) {
                out.write(held, 0, heldLength);
                written += heldLength;
                heldLength = 0;
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            finish();
            out.close();
        }
    }
}
