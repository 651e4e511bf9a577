package org.patchlens.ese;

/**
 * Which engine generation's layout a database header was read with (rules of
 * ese-format.md section 7), and whether that layout is inferred rather than taken from
 * the engine source.
 */
public enum Profile {
    /** 0x620 revision 0-2: Exchange 5.5 / ESE97. Offsets 0-251 only; layout INFERRED. */
    ESE97(true, "ESE97 (Exchange 5.5), format 0x620 revision <= 2: layout of offsets 0-251 INFERRED from the current engine; no Log Required in the header"),
    /** 0x620 revision 3-10: ESE98 (Exchange 2000/2003, Windows 2000/XP/2003). */
    ESE98(true, "ESE98 (Exchange 2000/2003, Windows 2000-2003), format 0x620 revision 3-10: fields up to offset 363; some field origins INFERRED"),
    /** 0x620 revision 11: Exchange 2003 SP1 (ECC page checksums). */
    ESE2003SP1(false, "Exchange 2003 SP1 era, format 0x620 revision 11: fields up to offset 415"),
    /** 0x620 revision 12 and later: Exchange 2007+, Windows Vista+. */
    CURRENT(false, "current engine layout (format 0x620 revision >= 12), engine source DBFILEHDR"),
    /** 0x623: documented "New Space Manager" version, never seen in Exchange; read as ESE98. */
    UNUSUAL_0X623(true, "format 0x623 (documented, never observed): read with the ESE98 layout, INFERRED");

    private final boolean inferred;
    private final String description;

    Profile(boolean inferred, String description) {
        this.inferred = inferred;
        this.description = description;
    }

    public boolean inferred() {
        return inferred;
    }

    public String description() {
        return description;
    }

    public static Profile of(long formatVersion, long revision) {
        if (formatVersion == 0x623) {
            return UNUSUAL_0X623;
        }
        if (revision <= 2) {
            return ESE97;
        }
        if (revision <= 10) {
            return ESE98;
        }
        return revision == 11 ? ESE2003SP1 : CURRENT;
    }
}
