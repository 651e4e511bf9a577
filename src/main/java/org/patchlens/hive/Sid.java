package org.patchlens.hive;

import java.util.List;

/** A security identifier: revision, 48-bit identifier authority and sub-authorities. */
public record Sid(int revision, long identifierAuthority, List<Long> subAuthorities) {
    /** S-1-5-32-544 form; the authority is printed in hex when it does not fit 32 bits. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("S-").append(revision).append('-');
        if (identifierAuthority < (1L << 32)) {
            sb.append(identifierAuthority);
        } else {
            sb.append(String.format("0x%012X", identifierAuthority));
        }
        for (long s : subAuthorities) {
            sb.append('-').append(s);
        }
        return sb.toString();
    }
}
