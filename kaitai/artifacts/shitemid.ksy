meta:
  id: shitemid
  title: Windows shell item (SHITEMID) and its extension blocks, the fixed-layout parts
  license: MIT
  endian: le
doc: |
  A shell item list (ITEMIDLIST) is a run of shell items, each starting with
  its own size (u2, the two size bytes included), ended by a size of 0. Each
  item's third byte, the class type, tells what it is: 0x1f a root folder
  (a GUID naming a shell folder: My Computer, Network, Control Panel ...),
  0x2_ a volume (a drive letter, or a GUID), 0x3_ a file entry (flag 0x01
  folder, 0x02 file, 0x04 Unicode name; size, a FAT modification time, the
  attributes, the name, then extension blocks), 0x4_ a network location,
  0x61 a URI, 0x71 a Control Panel item; items whose bytes 6 to 9 hold a
  known signature are users property views (a property store), and an item
  whose last 32 bytes before its extension blocks are the delegate class
  GUID 5e591a74-df96-48d3-8d67-1733bcee28ba is a delegate item wrapping an
  inner item (0x74 "CFSF" around a file entry; 0x1f 0xf5a6b710 around a
  volume). Extension blocks start with size u2, version u2 and signature
  0xbeefXXXX; 0xbeef0004 carries a file entry's creation and access times,
  its long name and (version 7 on) its NTFS file reference.

  The types below are the fixed-layout parts, each read from offset 0 of the
  item (or block) so that the offsets match the references; the reader in
  org.patchlens.artifacts.ShellItems walks the list, checks every size
  against the bytes there are before it parses a type, and reads the
  variable parts (names, strings, the list of blocks) itself, bounded by the
  item's size. FAT date-times are a u2 date (day 0-4, month 5-8, year 9-15
  from 1980) and a u2 time (seconds / 2 0-4, minute 5-10, hour 11-15), as
  stored, without a time zone.

  References: Joachim Metz, libfwsi "Windows Shell Item format"
  (documentation/Windows Shell Item format.asciidoc) and libfwsi_item.c
  (the order in which the signatures and class types are tried); regipy
  plugins/ntuser/shellbags_ntuser.py, which uses libfwsi through pyfwsi.
seq:
  - id: size
    type: u2
    doc: The item's size, these two bytes included; 0 ends the list.
  - id: class_type
    type: u1
types:
  root_folder:
    doc: Class type 0x1f, 20 bytes (more when extension blocks follow).
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: sort_index
        type: u1
      - id: folder_id
        size: 16
        doc: The shell folder's GUID (My Computer is 20d04fe0-3aea-1069-a2d8-08002b30309d).
  volume_guid:
    doc: 'Class type 0x2_ without flag 0x01 (0x2e seen): a GUID instead of a name.'
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: flags
        type: u1
      - id: volume_id
        size: 16
  volume_name:
    doc: 'Class type 0x2_ with flag 0x01 (has name): the drive, "C:\", in 20 bytes.'
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: name
        type: strz
        size: 20
        encoding: windows-1252
  file_entry:
    doc: |
      Class type 0x3_: the fixed part before the primary name (ASCII, or UTF-16
      with flag 0x04, 16-bit aligned), which the extension blocks follow.
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: unknown
        type: u1
      - id: file_size
        type: u4
      - id: modified_date
        type: u2
      - id: modified_time
        type: u2
      - id: attributes
        type: u2
        doc: The low 16 bits of the FILE_ATTRIBUTE_ flags (0x10 directory).
  network_location:
    doc: Class type 0x4_; the location, then (flag 0x80) a description and (flag 0x40) comments, ASCII strings.
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: unknown
        type: u1
      - id: flags
        type: u1
  uri:
    doc: |
      Class type 0x61. With data (data_size > 0) the URI follows 36 bytes of
      data and three sized strings; without, it follows at once. Flag 0x80:
      the strings are UTF-16.
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: flags
        type: u1
      - id: data_size
        type: u2
  control_panel_item:
    doc: Class type 0x71, 30 bytes.
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: unknown
        type: u1
      - id: reserved
        size: 10
      - id: item_id
        size: 16
  control_panel_category:
    doc: 'Signature 0x39de2184 at byte 4, 12 bytes: a Control Panel category number (0 All Control Panel Items to 11 Mobile PC).'
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: unknown
        type: u1
      - id: signature
        type: u4
      - id: category
        type: u4
  property_view:
    doc: |
      A users property view: the data size (u2 at 4, the extension blocks
      not included), the signature (0x23febbee: the identifier is a known
      folder GUID; 0x23a3dfd5, 0x3b93afbb, 0x10141981, "ARPI", 0xbeebee00),
      the property store's size and the identifier's size; the identifier
      and the property store (a serialized property storage, "1SPS") follow.
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: unknown
        type: u1
      - id: data_size
        type: u2
      - id: signature
        type: u4
      - id: store_size
        type: u2
      - id: identifier_size
        type: u2
  delegate:
    doc: |
      A delegate item: the inner data's size (u2 at 4), the inner data from 6
      (for a 0x74 users-files item "CFSF" then a file entry; for removable
      drives 0xf5a6b710 then a volume), then the delegate class GUID and the
      delegate folder GUID.
    seq:
      - id: size
        type: u2
      - id: class_type
        type: u1
      - id: unknown
        type: u1
      - id: inner_size
        type: u2
  extension_block:
    doc: The head of every extension block; the block ends with the u2 offset of the first block in the item.
    seq:
      - id: size
        type: u2
      - id: version
        type: u2
      - id: signature
        type: u4
  file_entry_extension:
    doc: |
      Extension block 0xbeef0004 up to the long name: version 3 (XP), 7
      (Vista), 8 (7, 8.0), 9 (8.1, 10, 11). The long name (UTF-16, NUL
      ended) follows, then with long_string_size > 0 a localized name (ASCII
      before version 7, UTF-16 from 7), then the u2 offset of the first block.
    seq:
      - id: size
        type: u2
      - id: version
        type: u2
      - id: signature
        type: u4
      - id: created_date
        type: u2
      - id: created_time
        type: u2
      - id: accessed_date
        type: u2
      - id: accessed_time
        type: u2
      - id: identifier
        type: u2
        doc: 0x14 XP, 0x26 Vista, 0x2a 7, 0x2e 8.1 and 10.
      - id: reserved
        type: u2
        if: version >= 7
      - id: mft_entry_low
        type: u4
        if: version >= 7
        doc: The NTFS file reference's entry number is 48 bits, low 32 here.
      - id: mft_entry_high
        type: u2
        if: version >= 7
      - id: mft_sequence
        type: u2
        if: version >= 7
      - id: unknown1
        type: u8
        if: version >= 7
      - id: long_string_size
        type: u2
        if: version >= 3
      - id: unknown2
        type: u4
        if: version >= 9
      - id: unknown3
        type: u4
        if: version >= 8
  timestamps_extension:
    doc: Extension block 0xbeef0026 (root folders and file entries, Windows 7 on), 40 bytes; three FILETIMEs.
    seq:
      - id: size
        type: u2
      - id: version
        type: u2
      - id: signature
        type: u4
      - id: unknown
        type: u4
      - id: created
        type: u8
      - id: modified
        type: u8
      - id: accessed
        type: u8
