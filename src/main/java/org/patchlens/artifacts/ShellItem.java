package org.patchlens.artifacts;

import java.util.List;
import java.util.Locale;

/**
 * One shell item (SHITEMID) of a shell item list, as {@link ShellItems} reads it ({@code kaitai/artifacts/
 * shell_item.ksy} gives the layouts): its byte offset in the list's data, its class type byte, what kind of item
 * it is, and the name it adds to a path ({@link #name}). An item wrapped in a delegate item carries the
 * delegate's folder ({@link #delegate}); an item of no known kind is an {@link Unknown}, kept with its bytes.
 */
public sealed interface ShellItem {
    /** The item's byte offset in the data the list was read from (of its size field). */
    int offset();

    /** The class type byte (the item's third byte), as stored. */
    int classType();

    /** The delegate item this item was found in, or null. */
    Delegate delegate();

    /** What kind of item it is, as regipy (pyfwsi) names it: "Root Folder", "Volume", "Directory", ... */
    String kind();

    /** The name the item adds to a reconstructed path (never null; an unknown item: {@code <UNKNOWN: 0x00>}). */
    String name();

    /** A delegate item's folder: the delegate folder GUID and its name, null when it has none in the table. */
    record Delegate(String folderId, String folderName) {
    }

    /**
     * A FAT date-time as stored: a u2 date and a u2 time, two-second steps, without a time zone (libfwsi reads
     * the shell's as UTC; it is shown as stored, never converted).
     */
    record FatTime(int date, int time) {
        public boolean zero() {
            return date == 0 && time == 0;
        }

        public boolean valid() {
            int month = date >> 5 & 0xF;
            int day = date & 0x1F;
            return month >= 1 && month <= 12 && day >= 1 && day <= 31 && (time >> 11) <= 23
                    && (time >> 5 & 0x3F) <= 59 && (time & 0x1F) <= 29;
        }

        /** {@code 2021-08-16T09:41:32} (ISO-8601 without a zone), or the raw words when not a valid date. */
        public String text() {
            if (!valid()) {
                return String.format(Locale.ROOT, "invalid FAT date 0x%04X time 0x%04X", date, time);
            }
            return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", 1980 + (date >> 9), date >> 5 & 0xF,
                    date & 0x1F, time >> 11, time >> 5 & 0x3F, (time & 0x1F) * 2);
        }
    }

    /** The three FILETIMEs of extension block 0xbeef0026, in stored order (libfwsi leaves their meaning open). */
    record BlockTimes(long first, long second, long third) {
    }

    /** Class type 0x1f: a shell folder GUID and its name (null when not in the table). */
    record RootFolder(int offset, int classType, int sortIndex, String guid, String guidName, BlockTimes times,
                      Delegate delegate) implements ShellItem {
        public String kind() {
            return "Root Folder";
        }

        public String name() {
            return guidName != null ? guidName : guid;
        }
    }

    /** Class type 0x2_: a drive ("C:\"), or (without flag 0x01) a GUID. */
    record Volume(int offset, int classType, String drive, String guid, String guidName, Delegate delegate)
            implements ShellItem {
        public String kind() {
            return "Volume";
        }

        public String name() {
            return drive != null ? drive : guidName != null ? guidName : guid;
        }
    }

    /** Extension block 0xbeef0004 of a file entry. {@code mftEntry} and {@code mftSequence} are -1 before version 7. */
    record FileExtension(int offset, int version, FatTime created, FatTime accessed, String longName,
                         String localizedName, long mftEntry, int mftSequence) {
    }

    /** Class type 0x3_: flag 0x01 a folder, 0x02 a file, 0x04 a UTF-16 primary name. */
    record FileEntry(int offset, int classType, long fileSize, FatTime modified, int attributes, String primaryName,
                     FileExtension extension, BlockTimes times, Delegate delegate) implements ShellItem {
        public boolean folder() {
            return (classType & 0x01) != 0;
        }

        public String kind() {
            return (classType & 0x01) != 0 || (attributes & 0x10) != 0 ? "Directory" : "File";
        }

        public String name() {
            return extension != null && extension.longName() != null && !extension.longName().isEmpty()
                    ? extension.longName() : primaryName;
        }
    }

    /** Class type 0x4_: a UNC path or network name, with a description (flag 0x80) and comments (flag 0x40). */
    record NetworkLocation(int offset, int classType, int flags, String location, String description,
                           String comments, Delegate delegate) implements ShellItem {
        public String kind() {
            return "Network Location";
        }

        public String name() {
            return location;
        }
    }

    /** Class type 0x61: a URI (ftp://host/, http://...). */
    record Uri(int offset, int classType, int flags, String uri, Delegate delegate) implements ShellItem {
        public String kind() {
            return "URI";
        }

        public String name() {
            return uri;
        }
    }

    /** Class type 0x71: a Control Panel item GUID and its name. */
    record ControlPanelItem(int offset, int classType, String guid, String guidName, Delegate delegate)
            implements ShellItem {
        public String kind() {
            return "Control Panel Item";
        }

        public String name() {
            return guidName != null ? guidName : guid;
        }
    }

    /** A Control Panel category (signature 0x39de2184 at bytes 4-7): its number and name. */
    record ControlPanelCategory(int offset, int classType, long category, String categoryName, Delegate delegate)
            implements ShellItem {
        public String kind() {
            return "Control Panel Category";
        }

        public String name() {
            return categoryName != null ? categoryName : Long.toString(category);
        }
    }

    /**
     * A users property view (signature at bytes 6-9): the signature, the identifier (a known folder GUID for
     * 0x23febbee, else its bytes in hex; null when none), and from its property store the display name
     * (PKEY_DisplayName) and parsing path (PKEY_ParsingPath) when it holds them.
     */
    record PropertyView(int offset, int classType, long signature, String identifier, String identifierName,
                        String displayName, String parsingPath, Delegate delegate) implements ShellItem {
        public String kind() {
            return "Users Property View";
        }

        public String name() {
            if (delegate != null && delegate.folderName() != null) {
                return delegate.folderName();
            }
            if (identifierName != null) {
                return identifierName;
            }
            return displayName != null ? displayName : ShellItems.unknownName(classType);
        }
    }

    /** An item of no kind this reader knows: its class type and all its bytes, in hex. */
    record Unknown(int offset, int classType, String hex, Delegate delegate) implements ShellItem {
        public String kind() {
            return "unknown";
        }

        public String name() {
            return delegate != null && delegate.folderName() != null ? delegate.folderName()
                    : ShellItems.unknownName(classType);
        }
    }

    /** What went wrong at a byte offset of the list's data. */
    record Problem(int offset, String text) {
    }

    /** A list's items, in order, and its problems. */
    record ItemList(List<ShellItem> items, List<Problem> problems) {
        public ItemList {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }
    }
}
