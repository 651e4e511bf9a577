meta:
  id: regf
  title: Windows NT registry hive file (REGF), formats 1.2 to 1.6
  file-extension: [dat, hve]
  license: MIT
  endian: le
  bit-endian: le
doc: |
  The on-disk layout of a Windows registry hive: the 4096-byte base block,
  then hive bins ("hbin"), each a run of cells. Every reference between
  records is a cell offset counted from the start of the hive bins data
  (file offset 4096), pointing at the cell's 4-byte size field.

  This spec describes each structure at a known position; it never walks the
  hive by itself. The Java library (org.patchlens.hive) decides which record a
  cell holds from the pointer that reached it, checks every offset against
  the cells found by the bin walk, and instantiates the types below on a
  substream bounded by the cell, so no record can be read past its cell.
  Offsets in the docs of record types are relative to the cell data (the
  first byte after the size field). Reference: docs regf-format.md.
seq:
  - id: base_block
    type: base_block
    doc: First 512 bytes of the base block, the part covered by the checksum.
  - id: base_block_tail
    type: base_block_tail
    doc: Bytes 512 to 4095 of the base block (not covered by the checksum).
types:
  base_block:
    doc: |
      The checksummed first 512 bytes of the base block. Transaction logs
      carry a modified copy of exactly these bytes.
    seq:
      - id: signature
        contents: regf
        doc: ASCII "regf".
      - id: primary_sequence_number
        type: u4
        doc: Incremented when a write to the primary file starts.
      - id: secondary_sequence_number
        type: u4
        doc: Set equal to the primary number when the write completed; a difference means the hive is dirty.
      - id: last_written
        type: u8
        doc: FILETIME (100 ns since 1601-01-01 UTC) of the last write; not maintained since Windows 8.1.
      - id: major_version
        type: u4
        doc: Always 1.
      - id: minor_version
        type: u4
        doc: 1 to 6 (3 = NT 4.0 / Windows 2000, 5 = XP and later, 6 = Windows 10 differencing hives).
      - id: file_type
        type: u4
        doc: 0 for a primary file; 1, 2 or 6 for transaction logs (file_type_kind names them); any other value is kept as read.
      - id: file_format
        type: u4
        doc: 1 = direct memory load, the only value in use.
      - id: root_cell_offset
        type: u4
        doc: Cell offset of the root key node.
      - id: hive_bins_data_size
        type: u4
        doc: Total size in bytes of all hive bins; a multiple of 4096.
      - id: clustering_factor
        type: u4
        doc: Logical sector size of the medium divided by 512; 1 in practice.
      - id: file_name
        size: 64
        doc: UTF-16LE, the last 31 characters of the hive's path when it was created or loaded, NUL-terminated; may hold remnants after the NUL.
      - id: rm_id
        size: 16
        doc: GUID of the KTM resource manager (Vista and later; zero in older hives).
      - id: log_id
        size: 16
        doc: GUID naming the CLFS log; usually equal to rm_id.
      - id: flags
        type: base_block_flags
        doc: Bit 0x1 KTM transactions pending; bit 0x2 layered keys supported (Windows 10 RS1+).
      - id: tm_id
        size: 16
        doc: GUID naming the transaction manager log stream.
      - id: guid_signature
        size: 4
        doc: ASCII "rmtm" when the three GUIDs are meaningful.
      - id: last_reorganized
        type: u8
        doc: FILETIME of the last reorganization (Windows 8+); the low two bits are flags.
      - id: reserved
        size: 332
        doc: Reserved (offsets 176 to 507); holds the offline-registry "OfRg" marker at 176 in offreg.dll hives.
      - id: checksum
        type: u4
        doc: XOR of the 127 little-endian u4 words at offsets 0 to 507; 0 becomes 1 and 0xFFFFFFFF becomes 0xFFFFFFFE.
    instances:
      file_type_kind:
        value: file_type
        enum: file_type
        doc: file_type by name (primary, log_old, log_old_nt, log_new); null for a value no Windows writes.
      offreg_signature:
        pos: 176
        size: 4
        doc: ASCII "OfRg" in hives written by the Offline Registry Library 6.2 and later.
      offreg_signature_legacy:
        pos: 168
        size: 4
        doc: ASCII "OfRg" in hives written by the Offline Registry Library 6.1.
  base_block_flags:
    doc: The u4 flags field of the base block, bit by bit.
    seq:
      - id: ktm_locked
        type: b1
        doc: 0x1, KTM has pending or expected transactions on this hive.
      - id: layered_keys_supported
        type: b1
        doc: 0x2, defragmented (Windows 8) or layered keys supported (Windows 10 RS1+).
      - id: undefined
        type: b30
        doc: Bits not defined by any known Windows version.
  base_block_tail:
    doc: Offsets 512 to 4095 of the base block.
    seq:
      - id: reserved
        size: 3528
        doc: Reserved; offline-registry hives keep a FILETIME at 512, Windows 10 keeps in-memory thaw GUIDs at 4040 to 4087.
      - id: thaw_tm_id
        size: 16
        doc: In-memory only; restores tm_id after a freeze/thaw.
      - id: thaw_rm_id
        size: 16
        doc: In-memory only; restores rm_id after a freeze/thaw.
      - id: thaw_log_id
        size: 16
        doc: In-memory only; restores log_id after a freeze/thaw.
      - id: boot_type
        type: u4
        doc: In-memory use by the loader (0 regular, 4 self-heal); meaningless on disk.
      - id: boot_recover
        type: u4
        doc: In-memory use (0 none, 1 recovered from a log, 2 from the alternate hive); meaningless on disk.
    instances:
      offreg_serialized:
        pos: 0
        type: u8
        doc: FILETIME of serialization in offline-registry hives (file offset 512).

  hbin_header:
    doc: The 32-byte header of a hive bin.
    seq:
      - id: signature
        size: 4
        doc: ASCII "hbin" (checked by the reader, which reports the bytes it found).
      - id: offset
        type: u4
        doc: This bin's offset from the start of the hive bins data.
      - id: size
        type: u4
        doc: Size of the bin in bytes, a multiple of 4096 and at least 4096 (not fixed at 4096).
      - id: reserved
        size: 8
        doc: Zero or remnants.
      - id: timestamp
        type: u8
        doc: FILETIME; in the first bin a backup of the base block's last-written time (may be 0).
      - id: spare
        type: u4
        doc: In-memory bookkeeping; meaningless on disk.

  cell_header:
    doc: |
      The size field that starts every cell. Negative means allocated, positive
      means free; the absolute value is the cell's full length including these
      4 bytes, a multiple of 8 and at least 8.
    seq:
      - id: size
        type: s4
        doc: Signed cell size.
    instances:
      is_allocated:
        value: size < 0
        doc: True when the cell is in use.
      length:
        value: 'size < 0 ? -size : size'
        doc: Cell length in bytes including the size field.

  cell_header_v1_1:
    doc: |
      The cell header of format 1.1 (NT 3.1): the size, then the offset of the previous
      cell in the bin. Cells are 16-byte aligned and their records start 8 bytes in, with
      the same layouts as below except that names are always UTF-16LE and the value's
      flags and spare fields form one u4 title index.
    seq:
      - id: size
        type: s4
        doc: Signed cell size, as in later formats.
      - id: last
        type: u4
        doc: Offset of the previous cell relative to the start of its bin; 0xFFFFFFFF for the first cell.

  key_node:
    doc: Key node ("nk"), formats 1.1 to 1.6 (in 1.1 the access_bits field is a title index). Offsets relative to the cell data.
    seq:
      - id: signature
        type: u2
        valid: 0x6b6e
        doc: ASCII "nk" (read as one u2, which costs less than a byte-array comparison per key).
      - id: flags
        type: key_flags
        doc: Key flags (u2).
      - id: last_written
        type: u8
        doc: FILETIME of the last change to this key.
      - id: access_bits
        type: u4
        doc: Windows 8+ access bits (byte 0) and layered-key fields (byte 1); "spare" before Windows 8.
      - id: parent_offset
        type: u4
        doc: Cell offset of the parent key node; meaningless for the root.
      - id: subkey_count
        type: u4
        doc: Number of stable subkeys.
      - id: volatile_subkey_count
        type: u4
        doc: Number of volatile subkeys; volatile keys are never saved, so this is ignored.
      - id: subkey_list_offset
        type: u4
        doc: Cell offset of an lf, lh, li or ri list, or 0xFFFFFFFF.
      - id: volatile_subkey_list_offset
        type: u4
        doc: In-memory volatile cell index; never followed.
      - id: value_count
        type: u4
        doc: Number of values; a predefined handle instead when flags.predef_handle is set.
      - id: value_list_offset
        type: u4
        doc: Cell offset of the value list, or 0xFFFFFFFF.
      - id: security_offset
        type: u4
        doc: Cell offset of the key's security ("sk") cell.
      - id: class_name_offset
        type: u4
        doc: Cell offset of the class name cell, or 0xFFFFFFFF.
      - id: max_subkey_name_length
        type: u2
        doc: Largest subkey name length in bytes, counted as UTF-16 (maintained lazily).
      - id: user_and_virtualization_flags
        type: u1
        doc: Byte 54; its nibbles are user_flags and virtualization_control_flags.
      - id: debug_flags
        type: u1
        doc: Debug break flags, acted upon by checked kernels only.
      - id: max_subkey_class_name_length
        type: u4
        doc: Largest subkey class name length in bytes.
      - id: max_value_name_length
        type: u4
        doc: Largest value name length in bytes, counted as UTF-16.
      - id: max_value_data_size
        type: u4
        doc: Largest value data size in bytes.
      - id: work_var
        type: u4
        doc: Windows 2000 cached subkey index; unused since XP.
      - id: len_name
        type: u2
        doc: Length of the key name in bytes.
      - id: len_class_name
        type: u2
        doc: Length of the class name in bytes (UTF-16LE).
      - id: name
        size: len_name
        doc: Key name, Latin-1 when flags.comp_name is set, else UTF-16LE; not NUL-terminated.
    instances:
      user_flags:
        value: user_and_virtualization_flags & 0x0f
        doc: Wow64 user flags (Vista, XP SP3 and later); byte 54 low nibble.
      virtualization_control_flags:
        value: user_and_virtualization_flags >> 4
        doc: Virtualization control flags; byte 54 high nibble.
  key_flags:
    doc: |
      The u2 flags of a key node. Read as one u2 and split into bits only when a bit is asked
      for (instances), since a dump reads a key node per key and most bits are never looked at.
    seq:
      - id: raw
        type: u2
        doc: All 16 bits as stored.
    instances:
      is_volatile:
        value: (raw & 0x0001) != 0
        doc: 0x0001 KEY_VOLATILE, should not appear on disk.
      hive_exit:
        value: (raw & 0x0002) != 0
        doc: 0x0002 KEY_HIVE_EXIT, mount point of another hive (in memory only).
      hive_entry:
        value: (raw & 0x0004) != 0
        doc: 0x0004 KEY_HIVE_ENTRY, the root key of the hive.
      no_delete:
        value: (raw & 0x0008) != 0
        doc: 0x0008 KEY_NO_DELETE.
      sym_link:
        value: (raw & 0x0010) != 0
        doc: 0x0010 KEY_SYM_LINK, target in the SymbolicLinkValue value.
      comp_name:
        value: (raw & 0x0020) != 0
        doc: 0x0020 KEY_COMP_NAME, the name is stored as Latin-1.
      predef_handle:
        value: (raw & 0x0040) != 0
        doc: 0x0040 KEY_PREDEF_HANDLE, value_count holds a handle.
      virtual_source:
        value: (raw & 0x0080) != 0
        doc: 0x0080 VirtualSource, key was virtualized at least once.
      virtual_target:
        value: (raw & 0x0100) != 0
        doc: 0x0100 VirtualTarget, key is a virtual-store copy.
      virtual_store:
        value: (raw & 0x0200) != 0
        doc: 0x0200 VirtualStore, key is part of a virtual store path.
      undefined:
        value: (raw >> 10) & 0x3
        doc: 0x0400 and 0x0800, not defined.
      user_flags_old:
        value: (raw >> 12) & 0xf
        doc: 0xF000, XP/2003 user flags (a leftover in Vista/7).

  key_value:
    doc: Value ("vk"), formats 1.2 to 1.6. Offsets relative to the cell data.
    seq:
      - id: signature
        type: u2
        valid: 0x6b76
        doc: ASCII "vk" (one u2, as for key nodes).
      - id: len_name
        type: u2
        doc: Length of the value name in bytes; 0 for the default value.
      - id: data_size_raw
        type: u4
        doc: Data size; bit 31 set means the data is stored inline in data_offset.
      - id: data_offset
        type: u4
        doc: Cell offset of the data (or of a big-data record), or the inline data itself.
      - id: data_type
        type: u4
        doc: REG_* type code; any 32-bit value is legal and kept as is.
      - id: flags
        type: value_flags
        doc: Value flags (u2).
      - id: spare
        type: u2
        doc: Unused, may contain garbage.
    instances:
      name:
        pos: 20
        size: len_name
        doc: |
          Value name, Latin-1 when flags.comp_name is set, else UTF-16LE; right after the 20 bytes
          above. An instance, so that a reader can check those fields before it reads a name of up
          to 64 KiB (the deleted-record scan tries a record at every 8 bytes of free space); the
          live walk reads it at once, as part of the record.
      is_inline:
        value: (data_size_raw & 0x80000000) != 0
        doc: True when the data lives in the data_offset field.
      data_size:
        value: data_size_raw & 0x7fffffff
        doc: Real data size in bytes.
  value_flags:
    doc: The u2 flags of a value, split into bits only when asked for (as key_flags).
    seq:
      - id: raw
        type: u2
        doc: All 16 bits as stored.
    instances:
      comp_name:
        value: (raw & 0x0001) != 0
        doc: 0x0001 VALUE_COMP_NAME, the name is stored as Latin-1.
      tombstone:
        value: (raw & 0x0002) != 0
        doc: 0x0002 IsTombstone (layered keys, Windows 10 RS1+).
      undefined:
        value: raw >> 2
        doc: Other bits, not defined.

  old_log_dirty_vector:
    doc: |
      The dirty vector of an old-format transaction log (NT 3.1 to Windows 8.0), at log
      offset 512, right after the 512-byte base block copy. One bit per 512-byte page of
      hive bins data, least significant bit first. The dirty pages follow, 512 bytes each,
      from log offset align_up(516 + len_bitmap, 512), in increasing bit order; that offset
      is 1024 only while the bins data is at most 2,080,768 bytes (regf-format.md 7.2).
    params:
      - id: hive_bins_data_size
        type: u4
        doc: The hive bins data size of the log's own base block copy (not the primary's).
    seq:
      - id: signature
        contents: DIRT
        doc: ASCII "DIRT".
      - id: bitmap
        size: hive_bins_data_size / 4096
        doc: Dirty bitmap; bit i set means page i (hive bins offset 512 * i) is stored in the log.
    instances:
      len_bitmap:
        value: hive_bins_data_size / 4096
        doc: Bitmap length in bytes.
      dirty_pages_offset:
        value: ((512 + 4 + hive_bins_data_size / 4096 + 511) / 512) * 512
        doc: Log offset of the first dirty page.

  log_header:
    doc: |
      The start of a transaction log file (FILE.LOG, .LOG1, .LOG2): a copy of the primary's
      checksummed 512 bytes (file type 1 or 2 in the old format, 6 in the new), then, at offset
      512, the signature that tells the format: "DIRT" starts the old format's dirty vector
      (old_log_dirty_vector), "HvLE" the new format's first entry (log_entry). The format comes
      from these bytes, never from the file's name (regf-format.md 2.3, 7.2, 8.1). Instantiate
      on the log's first min(516, size) bytes, at least 512.
    seq:
      - id: base_block
        type: base_block
        doc: The base block copy; the log is usable only if its checksum is valid and its two sequence numbers are equal.
      - id: format_signature
        type: u4
        enum: log_format
        if: _io.size >= 516
        doc: '"DIRT" or "HvLE" read as a u4; absent when the file ends before offset 516, null when it is neither.'

  log_entry_header:
    doc: |
      The 40 bytes that start every new-format log entry ("HvLE", Windows 8.1 and later). Read
      first and on its own, so that each field can be checked before the entry's size and page
      count are trusted (regf-format.md 8.2, 8.3).
    seq:
      - id: signature
        contents: HvLE
        doc: ASCII "HvLE".
      - id: size
        type: u4
        doc: Total bytes of this entry, a multiple of 512.
      - id: flags
        type: u4
        doc: Bit 0x1 is a copy of the base block's KTM-locked flag when the entry was written.
      - id: sequence_number
        type: u4
        doc: The hive's sequence number once this entry is applied; consecutive entries increase by 1 (u32 wraparound).
      - id: hive_bins_data_size
        type: u4
        doc: The hive bins data size at this point; the hive grows (or shrinks) to it.
      - id: num_dirty_pages
        type: u4
        doc: Number of dirty page references, at least 1.
      - id: hash_1
        type: u8
        doc: Marvin32 (seed 0x82EF4D887A4E55C5) of the entry bytes from offset 40 to size.
      - id: hash_2
        type: u8
        doc: Marvin32 (same seed) of the entry bytes 0 to 31, which include hash_1.

  log_entry:
    doc: |
      A new-format transaction log entry, starting at log offset 512 and following each other
      without gaps. Instantiate on a stream of exactly header.size bytes (the reader checks the
      header first: size inside the file, 40 + 8 * num_dirty_pages within size). The page data
      follows the references, concatenated in reference order (regf-format.md 8.2).
    seq:
      - id: header
        type: log_entry_header
        doc: The entry's fixed 40 bytes.
      - id: dirty_pages
        type: dirty_page_ref
        repeat: expr
        repeat-expr: header.num_dirty_pages
        doc: Where each page goes.
  dirty_page_ref:
    doc: One dirty page reference of a log entry.
    seq:
      - id: offset
        type: u4
        doc: Offset of the page in the hive bins data (file offset minus 4096); a multiple of 4096 in practice.
      - id: size
        type: u4
        doc: Bytes of the page; a multiple of 4096 in practice, and may span several 4 KiB pages.

  offset_list:
    doc: A cell of cell offsets without a signature (value list, big-data segment list).
    params:
      - id: num_offsets
        type: u4
        doc: Number of entries, from the record that points at the list.
    seq:
      - id: offsets
        type: u4
        repeat: expr
        repeat-expr: num_offsets
        doc: Cell offsets of the listed cells.

  subkey_list:
    doc: A subkey list cell; its signature selects the layout.
    seq:
      - id: signature
        type: str
        size: 2
        encoding: ASCII
        doc: '"li", "lf", "lh" or "ri".'
      - id: num_elements
        type: u2
        doc: Number of elements.
      - id: body
        type:
          switch-on: signature
          cases:
            '"li"': index_leaf(num_elements)
            '"lf"': fast_leaf(num_elements)
            '"lh"': hash_leaf(num_elements)
            '"ri"': index_root(num_elements)
        doc: The elements; absent for an unknown signature.
  index_leaf:
    doc: Index leaf ("li"), all versions.
    params:
      - id: num_key_node_offsets
        type: u2
    seq:
      - id: key_node_offsets
        type: u4
        repeat: expr
        repeat-expr: num_key_node_offsets
        doc: Cell offsets of subkey nodes.
  fast_leaf:
    doc: Fast leaf ("lf"), format 1.3 and later.
    params:
      - id: num_elements
        type: u2
    seq:
      - id: elements
        type: fast_leaf_element
        repeat: expr
        repeat-expr: num_elements
        doc: Subkey references with name hints.
  fast_leaf_element:
    seq:
      - id: key_node_offset
        type: u4
        doc: Cell offset of the subkey node.
      - id: name_hint
        size: 4
        doc: First four characters of the name, one byte each (Latin-1), zero-padded; a zero first byte means no hint.
  hash_leaf:
    doc: Hash leaf ("lh"), format 1.5 and later.
    params:
      - id: num_elements
        type: u2
    seq:
      - id: elements
        type: hash_leaf_element
        repeat: expr
        repeat-expr: num_elements
        doc: Subkey references with name hashes.
  hash_leaf_element:
    seq:
      - id: key_node_offset
        type: u4
        doc: Cell offset of the subkey node.
      - id: name_hash
        type: u4
        doc: h = h * 37 + c over the Windows-uppercased name, one UTF-16 code unit (or Latin-1 byte) at a time, mod 2^32.
  index_root:
    doc: Index root ("ri"), a list of leaves; never nested.
    params:
      - id: num_leaf_offsets
        type: u2
    seq:
      - id: leaf_offsets
        type: u4
        repeat: expr
        repeat-expr: num_leaf_offsets
        doc: Cell offsets of li, lf or lh leaves.

  big_data:
    doc: Big-data record ("db"), used for data over 16344 bytes in format 1.4 and later.
    seq:
      - id: signature
        contents: db
        doc: ASCII "db".
      - id: num_segments
        type: u2
        doc: Number of data segments, ceil(data size / 16344).
      - id: segment_list_offset
        type: u4
        doc: Cell offset of the segment list (an offset_list).

  key_security:
    doc: Security record ("sk"); all sk cells form one circular doubly linked list.
    seq:
      - id: signature
        contents: sk
        doc: ASCII "sk".
      - id: reserved
        type: u2
        doc: Ignored.
      - id: flink
        type: u4
        doc: Cell offset of the next sk cell.
      - id: blink
        type: u4
        doc: Cell offset of the previous sk cell.
      - id: reference_count
        type: u4
        doc: Number of key nodes that reference this cell.
      - id: len_descriptor
        type: u4
        doc: Size of the security descriptor in bytes.
      - id: descriptor
        size: len_descriptor
        type: security_descriptor
        doc: Self-relative SECURITY_DESCRIPTOR.
  security_descriptor:
    doc: Self-relative SECURITY_DESCRIPTOR; offsets are relative to its first byte.
    seq:
      - id: revision
        type: u1
        doc: 1.
      - id: sbz1
        type: u1
        doc: Resource-manager control bits when SE_RM_CONTROL_VALID.
      - id: control
        type: u2
        doc: SE_* control flags (0x0004 DACL present, 0x0010 SACL present, 0x8000 self-relative, ...).
      - id: owner_offset
        type: u4
        doc: Offset of the owner SID, 0 for none.
      - id: group_offset
        type: u4
        doc: Offset of the primary group SID, 0 for none.
      - id: sacl_offset
        type: u4
        doc: Offset of the SACL, 0 for none.
      - id: dacl_offset
        type: u4
        doc: Offset of the DACL, 0 for none (a NULL DACL when present).
    instances:
      owner:
        pos: owner_offset
        type: sid
        if: owner_offset != 0
        doc: Owner SID.
      group:
        pos: group_offset
        type: sid
        if: group_offset != 0
        doc: Primary group SID.
      sacl:
        pos: sacl_offset
        type: acl
        if: sacl_offset != 0 and (control & 0x0010) != 0
        doc: System ACL.
      dacl:
        pos: dacl_offset
        type: acl
        if: dacl_offset != 0 and (control & 0x0004) != 0
        doc: Discretionary ACL.
  sid:
    doc: Security identifier.
    seq:
      - id: revision
        type: u1
        doc: 1.
      - id: num_sub_authorities
        type: u1
        doc: Number of sub-authorities (at most 15).
      - id: identifier_authority
        type: b48be
        doc: Identifier authority, a big-endian 48-bit number.
      - id: sub_authorities
        type: u4
        repeat: expr
        repeat-expr: num_sub_authorities
        doc: Sub-authorities, little-endian.
  acl:
    doc: Access control list header and its entries.
    seq:
      - id: revision
        type: u1
        doc: 2 (ACL_REVISION) or 4 (ACL_REVISION_DS).
      - id: sbz1
        type: u1
        doc: Zero.
      - id: acl_size
        type: u2
        doc: Bytes of header and entries.
      - id: num_aces
        type: u2
        doc: Number of entries.
      - id: sbz2
        type: u2
        doc: Zero.
      - id: entries
        size: acl_size - 8
        type: ace_list(num_aces)
        doc: The entries, bounded by acl_size.
  ace_list:
    params:
      - id: num_aces
        type: u2
    seq:
      - id: aces
        type: ace
        repeat: expr
        repeat-expr: num_aces
        doc: Access control entries, walked by their own sizes.
  ace:
    doc: Access control entry.
    seq:
      - id: type_code
        type: u1
        doc: AceType as stored; codes without a name are kept.
      - id: ace_flags
        type: u1
        doc: Inheritance and audit flags (0x01 OI, 0x02 CI, 0x04 NP, 0x08 IO, 0x10 inherited, 0x40/0x80 audit).
      - id: ace_size
        type: u2
        doc: Bytes of this entry including the 4-byte header.
      - id: body
        size: ace_size - 4
        type:
          switch-on: ace_type
          cases:
            'ace_type::access_allowed_object': object_ace_body
            'ace_type::access_denied_object': object_ace_body
            'ace_type::system_audit_object': object_ace_body
            'ace_type::system_alarm_object': object_ace_body
            'ace_type::access_allowed_callback_object': object_ace_body
            'ace_type::access_denied_callback_object': object_ace_body
            'ace_type::system_audit_callback_object': object_ace_body
            'ace_type::system_alarm_callback_object': object_ace_body
            'ace_type::access_allowed_compound': opaque_ace_body
            _: basic_ace_body
        doc: Type-specific body.
    instances:
      ace_type:
        value: type_code
        enum: ace_type
        doc: ACCESS_ALLOWED, ACCESS_DENIED, SYSTEM_AUDIT, object and callback variants.
  basic_ace_body:
    seq:
      - id: access_mask
        type: u4
        doc: Access rights (KEY_* and generic bits).
      - id: sid
        type: sid
        doc: The trustee.
  object_ace_body:
    seq:
      - id: access_mask
        type: u4
        doc: Access rights.
      - id: object_flags
        type: u4
        doc: 0x1 object type GUID present, 0x2 inherited object type GUID present.
      - id: object_type
        size: 16
        if: (object_flags & 1) != 0
        doc: Object type GUID.
      - id: inherited_object_type
        size: 16
        if: (object_flags & 2) != 0
        doc: Inherited object type GUID.
      - id: sid
        type: sid
        doc: The trustee.
  opaque_ace_body:
    seq:
      - id: data
        size-eos: true
        doc: Compound ACE body, kept as bytes.

enums:
  log_format:
    0x54524944: dirt
    0x454c7648: hvle
  file_type:
    0: primary
    1: log_old
    2: log_old_nt
    6: log_new
  ace_type:
    0x00: access_allowed
    0x01: access_denied
    0x02: system_audit
    0x03: system_alarm
    0x04: access_allowed_compound
    0x05: access_allowed_object
    0x06: access_denied_object
    0x07: system_audit_object
    0x08: system_alarm_object
    0x09: access_allowed_callback
    0x0a: access_denied_callback
    0x0b: access_allowed_callback_object
    0x0c: access_denied_callback_object
    0x0d: system_audit_callback
    0x0e: system_alarm_callback
    0x0f: system_audit_callback_object
    0x10: system_alarm_callback_object
    0x11: system_mandatory_label
    0x12: system_resource_attribute
    0x13: system_scoped_policy_id
    0x14: system_process_trust_label
    0x15: system_access_filter
