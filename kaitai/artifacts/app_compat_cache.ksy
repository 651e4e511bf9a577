meta:
  id: app_compat_cache
  title: Application Compatibility Cache (ShimCache), the fixed-layout parts of each Windows version's format
  license: MIT
  endian: le
doc: |
  The REG_BINARY value ControlSetNNN\Control\Session Manager\AppCompatCache :
  AppCompatCache of a SYSTEM hive. Its first four bytes tell the format: a
  signature (0xDEADBEEF Windows XP 32-bit, 0xBADC0FFE Server 2003, XP 64-bit,
  Vista and Server 2008, 0xBADC0FEE Windows 7 and Server 2008 R2) or, from
  Windows 8 on, the header's size (0x80 for 8.0 and 8.1, 0x30 or 0x34 for 10
  and 11), after which each entry begins with its own signature ("00ts" 8.0,
  "10ts" 8.1, 10, 11). The header and the entries of fixed size are the types
  below; the variable parts of the 8.0 to 11 entries (path, package, data) are
  sized by the fields before them and read, bounds checked, by the decoder
  (AppCompatCacheData). Offsets to paths and data are from the start of the
  value's data. Insert flag 0x2 is the one that CSRSS sets when it created a
  process from the file ("executed"). References: Andrew Davis (Mandiant),
  Leveraging the Application Compatibility Cache in Forensic Investigations
  (the ShimCacheParser whitepaper); libyal winreg-kb "Application Compatibility
  Cache key"; Eric Zimmerman's AppCompatCacheParser; regipy shimcache.
seq:
  - id: signature
    type: u4
    doc: The format's signature, or from Windows 8 on the header's size.
types:
  xp_header:
    doc: Windows XP 32-bit, 400 bytes.
    seq:
      - id: signature
        type: u4
        doc: 0xDEADBEEF.
      - id: num_entries
        type: u4
        doc: Number of cached entries (at most 96).
      - id: num_lru_entries
        type: u4
      - id: unknown
        type: u4
      - id: lru
        type: u4
        repeat: expr
        repeat-expr: 96
        doc: Indexes into the entry array, least recently used order.
  xp_entry:
    doc: Windows XP 32-bit entry, 552 bytes.
    seq:
      - id: path
        size: 528
        doc: UTF-16LE, NUL-terminated (MAX_PATH + 4 characters); bytes after the NUL may be remnants.
      - id: last_modified
        type: u8
        doc: FILETIME, the file's $STANDARD_INFORMATION last modification time.
      - id: file_size
        type: u8
      - id: last_update
        type: u8
        doc: FILETIME, when the entry was last updated.
  count_header:
    doc: The first 8 bytes of the 0xBADC0FFE and 0xBADC0FEE formats (the 0xBADC0FEE header is 128 bytes).
    seq:
      - id: signature
        type: u4
      - id: num_entries
        type: u4
  nt5_entry32:
    doc: |
      0xBADC0FFE, 32-bit, 24 bytes. Server 2003 keeps the file size in the
      last 8 bytes; Vista and Server 2008 keep the insert flags and the shim
      flags there. Nothing in the data says which (see the decoder).
    seq:
      - id: path_size
        type: u2
      - id: max_path_size
        type: u2
      - id: path_offset
        type: u4
      - id: last_modified
        type: u8
      - id: word1
        type: u4
        doc: File size (low half), or the insert flags.
      - id: word2
        type: u4
        doc: File size (high half), or the shim flags.
  nt5_entry64:
    doc: 0xBADC0FFE, 64-bit, 32 bytes; the last 8 bytes as in nt5_entry32.
    seq:
      - id: path_size
        type: u2
      - id: max_path_size
        type: u2
      - id: padding
        type: u4
      - id: path_offset
        type: u8
      - id: last_modified
        type: u8
      - id: word1
        type: u4
      - id: word2
        type: u4
  nt6_entry32:
    doc: 0xBADC0FEE (Windows 7, Server 2008 R2), 32-bit, 32 bytes; the entries start at 128.
    seq:
      - id: path_size
        type: u2
      - id: max_path_size
        type: u2
      - id: path_offset
        type: u4
      - id: last_modified
        type: u8
      - id: insert_flags
        type: u4
      - id: shim_flags
        type: u4
      - id: data_size
        type: u4
      - id: data_offset
        type: u4
  nt6_entry64:
    doc: 0xBADC0FEE, 64-bit, 48 bytes.
    seq:
      - id: path_size
        type: u2
      - id: max_path_size
        type: u2
      - id: padding
        type: u4
      - id: path_offset
        type: u8
      - id: last_modified
        type: u8
      - id: insert_flags
        type: u4
      - id: shim_flags
        type: u4
      - id: data_size
        type: u8
      - id: data_offset
        type: u8
  win10_header:
    doc: Windows 10 and 11 header (48 bytes; 52 from the Creators Update on, the count 4 bytes later).
    seq:
      - id: header_size
        type: u4
        doc: 0x30 or 0x34, the offset of the first entry.
      - id: unknown
        size: 32
      - id: num_entries_0x30
        type: u4
        doc: The number of entries when the header is 0x30 bytes.
      - id: num_entries_0x34
        type: u4
        doc: The number of entries when the header is 0x34 bytes.
  ts_entry_head:
    doc: The first 12 bytes of a Windows 8.0 to 11 entry.
    seq:
      - id: signature
        size: 4
        doc: '"00ts" (8.0) or "10ts" (8.1, 10, 11).'
      - id: hash
        type: u4
        doc: Undocumented (a hash of the entry).
      - id: entry_size
        type: u4
        doc: The size of the rest of the entry.
  win8_entry_tail:
    doc: What follows the path and the package data of a Windows 8.0 / 8.1 entry (20 bytes), then the data.
    seq:
      - id: insert_flags
        type: u4
      - id: shim_flags
        type: u4
      - id: last_modified
        type: u8
      - id: data_size
        type: u4
  win10_entry_tail:
    doc: What follows the path of a Windows 10 / 11 entry (12 bytes), then the data.
    seq:
      - id: last_modified
        type: u8
      - id: data_size
        type: u4
