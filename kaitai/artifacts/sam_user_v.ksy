meta:
  id: sam_user_v
  title: SAM user account V value (offset table of 17 descriptors, then the data)
  license: MIT
  endian: le
doc: |
  The REG_BINARY value V of SAM\Domains\Account\Users\<RID>: a table of 17
  descriptors (0xCC bytes), each an offset from the end of the table, a
  length and an unknown word, then the data they point at. Descriptor 0 is
  the security descriptor, then the user name, full name, comment, user
  comment, (unknown), home directory, home directory drive, logon script,
  profile path, workstations, logon hours, (unknown), and the LM and NT
  password hashes and histories (never decoded here). Strings are UTF-16LE
  without a NUL. A descriptor whose bytes do not lie inside the value has no
  data (in_bounds false): the decoder notes it. References: libyal winreg-kb,
  regipy samparse, RegRipper samparse.pl.
seq:
  - id: descriptors
    type: descriptor
    repeat: expr
    repeat-expr: 17
types:
  descriptor:
    seq:
      - id: offset
        type: u4
        doc: From the end of the table (byte 0xCC of the value).
      - id: length
        type: u4
      - id: unknown
        type: u4
    instances:
      in_bounds:
        value: offset + length + 0xcc <= _root._io.size
        doc: Whether the bytes lie inside the value (offset and length are u4, summed without overflow).
      data:
        io: _root._io
        pos: offset + 0xcc
        size: length
        if: in_bounds
