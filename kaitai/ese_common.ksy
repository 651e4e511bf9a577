meta:
  id: ese_common
  title: Extensible Storage Engine (JET Blue) structures shared by database, patch, checkpoint and log headers
  license: MIT
  endian: le
doc: |
  Small persisted structures of the ESE engine that every header kind embeds:
  LOGTIME, LGPOS, SIGNATURE, BKINFO, DBMS_PARAM and one ATTACHINFO entry.
  All integers are little-endian, all structures byte-packed. This file has no
  top-level sequence; the other ESE specs import its types. Reference: docs
  ese-format.md sections 1.4, 5 and 6.3 (engine source daedef.hxx, log.hxx).
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
