meta:
  id: ese_common
  title: Extensible Storage Engine (JET Blue) structures shared by database, patch, checkpoint and log headers
  license: MIT
  endian: le
doc: |
  Small persisted structures of the ESE engine that every header kind embeds:
  LOGTIME, LGPOS, SIGNATURE, BKINFO, DBMS_PARAM and one ATTACHINFO entry; and
  header_start, the fields read to tell the kinds of file apart before any
  header is parsed. All integers are little-endian, all structures byte-packed.
  This file has no top-level sequence; the other ESE specs and the reader use
  its types. Reference: docs ese-format.md sections 1.3, 1.4, 5, 6.3 and 7
  (engine source daedef.hxx, log.hxx, log.cxx).
types:
  logtime:
    doc: |
      LOGTIME, 8 bytes: a calendar time as six bytes plus milliseconds and flags.
      All eight bytes zero means "not set". The month byte holds 1-12 in real
      files (the engine comment "0-11" is wrong); the year byte is years since 1900.
    seq:
      - id: seconds
        type: u1
        doc: Seconds, 0-59.
      - id: minutes
        type: u1
        doc: Minutes, 0-59.
      - id: hours
        type: u1
        doc: Hours, 0-23.
      - id: day
        type: u1
        doc: Day of month, 1-31.
      - id: month
        type: u1
        doc: Month, 1-12 (0 only when the time is not set).
      - id: year
        type: u1
        doc: Year minus 1900.
      - id: utc_and_ms_low
        type: u1
        doc: Bit 0 fTimeIsUTC (time is UTC, newer engines only); bits 1-7 the low 7 bits of the milliseconds.
      - id: snapshot_and_ms_high
        type: u1
        doc: Bit 0 fReserved (OS snapshot marker); bits 1-3 the high 3 bits of the milliseconds; bits 4-7 unused.
    instances:
      utc:
        value: (utc_and_ms_low & 1) == 1
        doc: True when the writer stored UTC; otherwise the writer's local time (zone unknown).
      milliseconds:
        value: (utc_and_ms_low >> 1) | (((snapshot_and_ms_high >> 1) & 7) << 7)
        doc: Milliseconds, low 7 bits from byte 6 and high 3 bits from byte 7.
  lgpos:
    doc: |
      LGPOS, 8 bytes: a position in the log stream. As a u8 it compares
      correctly (generation, then sector, then byte).
    seq:
      - id: ib
        type: u2
        doc: Byte offset inside the sector.
      - id: isec
        type: u2
        doc: Sector index inside the log file (byte offset = isec * cbSec + ib).
      - id: generation
        type: s4
        doc: Log generation number (lGeneration).
  signature:
    doc: |
      SIGNATURE, 28 bytes: identifies a database or a log stream. Two signatures
      are equal exactly when all 28 bytes are equal (the engine uses memcmp).
    seq:
      - id: random
        type: u4
        doc: Random number (ulRandom), printed in decimal by eseutil ("Rand:").
      - id: created
        type: logtime
        doc: Creation time (logtimeCreate).
      - id: computer_name
        size: 16
        doc: NetBIOS computer name, ANSI, NUL-terminated; usually empty.
  bkinfo:
    doc: BKINFO, 24 bytes, one backup's mark and log range.
    seq:
      - id: mark_position
        type: lgpos
        doc: lgposMark, log position of the backup mark.
      - id: mark_time
        type: logtime
        doc: logtimeMark, time the mark was logged.
      - id: gen_low
        type: u4
        doc: genLow, lowest log generation of the backup set.
      - id: gen_high
        type: u4
        doc: genHigh, highest log generation of the backup set (0 while the backup runs).
  dbms_param:
    doc: DBMS_PARAM, 567 bytes, the engine parameters of the writing instance (checkpoint and log header).
    seq:
      - id: system_path
        size: 261
        doc: szSystemPathDebugOnly, ANSI system (checkpoint) path, NUL-terminated; informational.
      - id: log_file_path
        size: 261
        doc: szLogFilePathDebugOnly, ANSI log path, NUL-terminated; informational.
      - id: flags
        type: u1
        doc: fDBMSPARAMFlags; 0x01 circular logging (added in log format 7.3704.4).
      - id: sessions_max
        type: u4
        doc: lSessionsMax.
      - id: open_tables_max
        type: u4
        doc: lOpenTablesMax.
      - id: ver_pages_max
        type: u4
        doc: lVerPagesMax.
      - id: cursors_max
        type: u4
        doc: lCursorsMax.
      - id: log_buffers
        type: u4
        doc: lLogBuffers.
      - id: log_file_sectors
        type: u4
        doc: lcsecLGFile, configured log file size in sectors.
      - id: cache_size_max
        type: u4
        doc: ulCacheSizeMax.
      - id: reserved
        size: 16
        doc: Reserved, zero.
  attach_info:
    doc: |
      ATTACHINFO: one entry of the attached-database list of a log header
      (offset 671) or checkpoint (offset 679). A first byte of 0 ends the list;
      the next entry starts right after names. The reader instantiates this on
      a stream bounded by the 2048-byte attachment area.
    seq:
      - id: dbid
        type: u1
        doc: Database id 1..6 (0 ends the list).
      - id: flags
        type: u1
        doc: 0x20 names are UTF-16LE; 0x40 sparse file; other bits legacy.
      - id: len_names
        type: u2
        doc: Length in bytes of the name area that follows the fixed 64 bytes.
      - id: dbtime
        type: u8
        doc: dbtime of the database at attach.
      - id: objid_last
        type: u4
        doc: Last object id of the database.
      - id: cpg_database_size_max
        type: s4
        doc: Maximum database size in pages; 0 = unlimited.
      - id: last_attach
        type: lgpos
        doc: lgposAttach, log position of the attach.
      - id: last_consistent
        type: lgpos
        doc: lgposConsistent, log position at which the database was last consistent.
      - id: db_signature
        type: signature
        doc: signDb of the attached database.
      - id: names
        size: len_names
        doc: Database path, NUL-terminated; UTF-16LE when flags has 0x20, else ANSI.
  attach_entry_start:
    doc: |
      The first byte of an ATTACHINFO entry, read before the entry itself: 0 ends
      the list. len_names is read only to name the length of an entry whose
      names run past the attachment area (then the whole entry cannot be read).
    seq:
      - id: dbid
        type: u1
        doc: Database id 1..6; 0 ends the list.
    instances:
      len_names:
        pos: 2
        type: u2
        doc: Length in bytes of the entry's name area (attach_info.len_names).
  header_start:
    doc: |
      The fields detection reads (ese-format.md section 1.3) at the start of one
      header copy, before the kind of file is known: offset 0 of the file, or a
      shadow copy's offset (the page size for a database, 4096 for a checkpoint).
      The same bytes mean different things in different kinds of file, so each
      instance is named for one meaning; each is read only when asked for and
      only when the stream holds all its bytes (else it is null). Instantiated
      on a stream from the copy's offset to the end of the mapped bytes.
    instances:
      checksum:
        pos: 0
        type: u4
        if: _io.size >= 4
        doc: |
          le_ulChecksum of every header kind (0x89ABCDEF XOR the words after it);
          0x66676572 ("regf") here is a registry hive, not an ESE file.
      db_magic:
        pos: 4
        type: u4
        if: _io.size >= 8
        doc: DBFILEHDR le_ulMagic, 0x89ABCDEF in a database, streaming-file or DBFILEHDR-format patch page; 0 in a PATCHHDR page (pgno).
      log_generation:
        pos: 4
        type: s4
        if: _io.size >= 8
        doc: LGFILEHDR le_lGeneration (every log format, ESE97 included); read to tell a log whose header is damaged or cut short.
      db_format_version:
        pos: 8
        type: u4
        if: _io.size >= 12
        doc: DBFILEHDR le_ulVersion; below 0x620 a pre-ESE97 JET database (JET_errDatabase500Format -1212).
      db_page_size_raw:
        pos: 236
        type: u4
        if: _io.size >= 240
        doc: DBFILEHDR le_cbPageSize (0 means 4096); a database copy is recognised by a checksum that verifies over exactly this many bytes.
      log_sector_size:
        pos: 8
        type: u2
        if: _io.size >= 10
        doc: LGFILEHDR le_cbSec; 512, 1024, 2048 or 4096 in a log.
      log_version:
        pos: 32
        type: log_version_triple
        if: _io.size >= 44
        doc: LGFILEHDR le_ulMajor, le_ulMinor, le_ulUpdateMajor (7 or 8 in current logs, 6.1503/6.1504 in ESE97 logs).
      ese97_log_version_at_24:
        pos: 24
        type: log_version_pair
        if: _io.size >= 32
        doc: The other place an ESE97 log may hold its version (6.1503/6.1504), INFERRED (ese-format.md section 7).
      file_type:
        pos: 667
        type: u4
        if: _io.size >= 671
        doc: le_filetype (JET_filetype; unaligned, the same offset in database, checkpoint and log headers) - 1 database, 2 streaming file, 3 log, 4 checkpoint; 0 in old files.
      checkpoint_log_signature_time:
        pos: 24
        type: logtime
        if: _io.size >= 32
        doc: CHECKPOINT signLog (at 20) creation time; a plausible set time marks an old checkpoint without a file type.
      patch_backup_mark_time:
        pos: 48
        type: logtime
        if: _io.size >= 56
        doc: PATCHHDR bkinfo (at 40) logtimeMark; a plausible set time marks a patch header page.
      patch_db_signature_time:
        pos: 68
        type: logtime
        if: _io.size >= 76
        doc: PATCHHDR signDb (at 64) creation time; a plausible set time marks a patch header page.
      pre_ese97_log:
        pos: 20
        type: pre_ese97_log_words
        if: _io.size >= 52
        doc: The words the engine's detectors of JET 200/400/500 log headers test (log.cxx).
  log_version_triple:
    doc: A log format version as LGFILEHDR stores it at 32 (ese_log_header version_major..version_update_major).
    seq:
      - id: major
        type: u4
        doc: le_ulMajor.
      - id: minor
        type: u4
        doc: le_ulMinor.
      - id: update_major
        type: u4
        doc: le_ulUpdateMajor.
  log_version_pair:
    doc: Major and minor of a log format version.
    seq:
      - id: major
        type: u4
        doc: Format major (6 in an ESE97 log).
      - id: minor
        type: u4
        doc: Format minor (1503 or 1504 in an ESE97 log).
  pre_ese97_log_words:
    doc: |
      Offsets 20-51 of a pre-ESE97 JET log header as the engine's own detectors
      (log.cxx; ese-format.md section 1.3 rule 4) test them. Their layout is not
      published, so the words are named by offset: the "500" format (Windows NT,
      Exchange 4.0/5.0) has 4, 909 or 995, 0 at 24, 28, 32; the "400" format 443,
      0, 0 at 20, 24, 28; the "200" format 0 and 0x00CA0001 at 44 and 48.
    seq:
      - id: word_20
        type: s4
        doc: 443 in a "400" format log.
      - id: word_24
        type: s4
        doc: 4 in a "500" format log, 0 in a "400" one.
      - id: word_28
        type: s4
        doc: 909 (Windows NT) or 995 (Exchange 4.0/5.0) in a "500" format log, 0 in a "400" one.
      - id: word_32
        type: s4
        doc: 0 in a "500" format log.
      - id: words_36_to_43
        size: 8
        doc: Not tested by any detector.
      - id: word_44
        type: s4
        doc: 0 in a "200" format log.
      - id: word_48
        type: s4
        doc: 0x00CA0001 in a "200" format log.
