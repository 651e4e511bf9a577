package org.patchlens.hive;

import java.util.List;

/**
 * A key's decoded self-relative security descriptor.
 *
 * @param cellOffset     cell offset of the {@code sk} record
 * @param referenceCount number of keys the record says share it
 * @param control        SE_* control flags
 * @param owner          owner SID, null if none
 * @param group          primary group SID, null if none
 * @param dacl           DACL entries, null if no DACL is present (an empty list is an empty DACL)
 * @param sacl           SACL entries, null if no SACL is present
 * @param raw            the descriptor bytes as stored
 */
public record SecurityDescriptor(long cellOffset, long referenceCount, int control, Sid owner, Sid group,
                                 List<Ace> dacl, List<Ace> sacl, byte[] raw) {
    public static final int SE_DACL_PRESENT = 0x0004;
    public static final int SE_SACL_PRESENT = 0x0010;
}
