package org.patchlens.hive;

/**
 * One access control entry. {@code sid} is null for a compound ACE (kept opaque).
 *
 * @param type       raw AceType (0 allowed, 1 denied, 2 audit, ...)
 * @param typeName   ACCESS_ALLOWED, ACCESS_DENIED, ... or the number for an unknown type
 * @param flags      AceFlags (inheritance, audit)
 * @param accessMask the access rights
 */
public record Ace(int type, String typeName, int flags, long accessMask, Sid sid) {
}
