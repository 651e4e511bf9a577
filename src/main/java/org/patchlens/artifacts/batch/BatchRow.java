package org.patchlens.artifacts.batch;

/**
 * One row of RECmd's batch CSV ({@code RECmd/BatchCsvOut.cs}), column for column, with where it came from.
 *
 * @param keyPath       as RECmd writes it: the root key's name, then the path ({@code ROOT\Select})
 * @param dumpPath      the same key as {@code hive dump} writes it ({@code \Select})
 * @param lastWritten   the key's last-written FILETIME, raw (the CSV writes it as {@code yyyy-MM-dd HH:mm:ss.fffffff})
 * @param valueData3    for a raw row: why a BinaryConvert did not apply, else empty
 * @param pluginDetail  for a decoder's row: the plugin, as {@code hive artifacts --plugin} names it
 * @param entryLine     the batch entry's line
 * @param keyOffset     file offset of the key's {@code nk} cell
 * @param valueOffset   file offset of the value's {@code vk} cell, -1 for a key or decoder row
 * @param typeCode      the value's raw type code, -1 for a key or decoder row
 * @param hex           the value's data in hex (lower case, as {@code hive dump}), "" for a key or decoder row
 */
public record BatchRow(String hivePath, String hiveType, String description, String category, String keyPath,
                       String valueName, String valueType, String valueData, String valueData2, String valueData3,
                       String comment, boolean recursive, boolean deleted, long lastWritten, String pluginDetail,
                       String dumpPath, int entryLine, long keyOffset, long valueOffset, long typeCode, String hex) {

    /** The key's last-written time as RECmd writes it: {@code yyyy-MM-dd HH:mm:ss.fffffff}, UTC, to the 100 ns. */
    public String lastWriteTimestamp() {
        return BinaryConvert.time(org.patchlens.hive.FileTime.toInstant(lastWritten));
    }
}
