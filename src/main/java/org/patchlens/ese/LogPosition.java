package org.patchlens.ese;

/**
 * An LGPOS: log generation, sector and byte offset in the sector. Compares like the
 * engine (generation, then sector, then byte).
 *
 * @param generation lGeneration (signed 32-bit as stored)
 * @param sector     isec
 * @param offset     ib
 */
public record LogPosition(int generation, int sector, int offset) implements Comparable<LogPosition> {
    public static final LogPosition ZERO = new LogPosition(0, 0, 0);

    public boolean isZero() {
        return generation == 0 && sector == 0 && offset == 0;
    }

    /** Byte offset in the log file for a sector size. */
    public long byteOffset(int sectorSize) {
        return (long) sector * sectorSize + offset;
    }

    @Override
    public int compareTo(LogPosition o) {
        int c = Integer.compareUnsigned(generation, o.generation);
        if (c == 0) {
            c = Integer.compare(sector, o.sector);
        }
        return c != 0 ? c : Integer.compare(offset, o.offset);
    }

    /** {@code (0000005C,0008,0000)}: hex generation, sector and byte, fixed width. */
    @Override
    public String toString() {
        return String.format("(%08X,%04X,%04X)", generation, sector, offset);
    }

    /** As eseutil prints it: {@code (0x5C,8,0)}. */
    public String eseutil() {
        return String.format("(0x%X,%X,%X)", generation, sector, offset);
    }
}
