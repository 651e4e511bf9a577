meta:
  id: ese_db_header
  title: ESE database file header (DBFILEHDR) and backup patch page header (PATCHHDR)
  file-extension: [edb, stm, pat, dat]
  license: MIT
  endian: le
  imports:
    - ese_common
doc: |
  The database file header of an Extensible Storage Engine (JET Blue) file:
  Exchange information stores (priv.edb, pub.edb, priv1.edb, *.stm), Active
  Directory, ESENT application databases. It fills page 0 of the file; an
  identical shadow copy fills page 1 (offset = page size). The structure is 748
  bytes in current engines and zero-filled to the end of the page; the XOR
  header checksum covers the whole page.

  Offsets 0-251 exist in every 0x620 header (ESE97, Exchange 5.5, on). Later
  groups are read only where the format revision (ulDaeUpdateMajor, offset 232)
  says the engine had them; for ESE97 (revision 2 or lower) the reader checks
  the raw bytes from 252 on (tail_after_ese97) and reports non-zero data instead
  of interpreting it. The reader instantiates this spec on a stream bounded by
  one header page. Reference: docs ese-format.md sections 2, 4 and 7.
seq:
  - id: checksum
    type: u4
    doc: le_ulChecksum, 0x89ABCDEF XOR every u4 of the page from offset 4 to the page end.
  - id: magic
    type: u4
    doc: le_ulMagic, 0x89ABCDEF (the reader reports any other value).
  - id: format_version
    type: u4
    doc: le_ulVersion, format version; 0x620 for ESE97 and later (0x623 seen only in documentation).
  - id: attrib
    type: s4
    doc: le_attrib, 0 database, 1 SLV / streaming file (obsolete); not JET_filetype.
  - id: dbtime
    type: u8
    doc: le_dbtimeDirtied, the database's update counter (not a time).
  - id: db_signature
    type: ese_common::signature
    doc: signDb, the database signature (random, creation time, computer name).
  - id: state
    type: u4
    doc: le_dbstate, JET_dbstate (1 just created, 2 dirty shutdown, 3 clean shutdown, 4 being converted, 5 force detach, 6 incremental reseed, 7 dirty and patched, 8 revert in progress).
  - id: consistent_position
    type: ese_common::lgpos
    doc: le_lgposConsistent, log position when the database was last made consistent ("Last Consistent").
  - id: consistent_time
    type: ese_common::logtime
    doc: logtimeConsistent, time of the above.
  - id: attach_time
    type: ese_common::logtime
    doc: logtimeAttach, time of the last attach ("Last Attach").
  - id: attach_position
    type: ese_common::lgpos
    doc: le_lgposAttach, log position of the last attach.
  - id: detach_time
    type: ese_common::logtime
    doc: logtimeDetach, time of the last detach ("Last Detach").
  - id: detach_position
    type: ese_common::lgpos
    doc: le_lgposDetach, log position of the last detach.
  - id: dbid
    type: u4
    doc: le_dbid, database id of the current or last attachment ("Dbid").
  - id: log_signature
    type: ese_common::signature
    doc: signLog, signature of the log stream the database belongs to ("Log Signature").
  - id: backup_full_previous
    type: ese_common::bkinfo
    doc: bkinfoFullPrev, last successful full backup ("Previous Full Backup").
  - id: backup_incremental_previous
    type: ese_common::bkinfo
    doc: bkinfoIncPrev, last successful incremental backup, reset by a full backup.
  - id: backup_full_current
    type: ese_common::bkinfo
    doc: bkinfoFullCur, backup in progress; genLow != 0 with genHigh == 0 marks a copy made by an online backup.
  - id: db_flags
    type: u4
    doc: m_ulDbFlags; byte 0 (0x01 shadowing disabled, 0x02 upgrade db, 0x04 SLV), byte 3 (0x01 ESENT attached, 0x02 ESE attached, 0x04 private build, 0x08 external extent cache).
  - id: objid_last
    type: u4
    doc: le_objidLast, last object id allocated ("Last Objid").
  - id: os_major
    type: u4
    doc: le_dwMajorVersion, OS major version at the last sort-order check.
  - id: os_minor
    type: u4
    doc: le_dwMinorVersion, OS minor version.
  - id: os_build
    type: u4
    doc: le_dwBuildNumber, OS build number (1381 = NT 4.0).
  - id: os_service_pack
    type: s4
    doc: le_lSPNumber, OS service pack (31 bits used).
  - id: format_revision
    type: u4
    doc: le_ulDaeUpdateMajor, format revision ("update"), e.g. 2 ESE97, 9 Exchange 2000, 11 Exchange 2003 SP1, 17, 20.
  - id: page_size_raw
    type: u4
    doc: le_cbPageSize, page size in bytes; 0 means 4096.
  - id: repair_count
    type: u4
    doc: le_ulRepairCount, times repair (eseutil /p) attached the database (INFERRED for ESE97).
  - id: repair_time
    type: ese_common::logtime
    doc: logtimeRepair, last repair time (INFERRED for ESE97).
instances:
  ese98:
    pos: 252
    type: ext_ese98
    if: format_version == 0x623 or format_revision >= 3
    doc: Offsets 252-363, fields added by ESE98 (Exchange 2000) and Exchange 2003.
  ecc:
    pos: 364
    type: ext_ecc
    if: format_revision >= 11
    doc: Offsets 364-415, ECC and checksum error counters (0x620,0xB, Exchange 2003 SP1).
  current:
    pos: 416
    type: ext_current
    if: format_revision >= 12
    doc: Offsets 416-747, fields of Exchange 2007 and later engines.
  tail_after_ese97:
    pos: 252
    size: 496
    doc: The raw bytes 252-747; all zero in a genuine ESE97 header.
  file_type_raw:
    pos: 667
    type: u4
    doc: le_filetype read without a version guard (JET_filetype; 0 in older files), used for detection.
types:
  ext_ese98:
    doc: DBFILEHDR offsets 252-363.
    seq:
      - id: slv_signature
        size: 28
        doc: rgbReservedSignSLV, signature of the paired streaming (SLV) file; obsolete, non-zero in Exchange 2000/2003 .edb/.stm pairs.
      - id: scrub_dbtime
        type: u8
        doc: le_dbtimeLastScrub, dbtime of the last scrub ("Scrub Dbtime").
      - id: scrub_time
        type: ese_common::logtime
        doc: logtimeScrub ("Scrub Date").
      - id: gen_min_required
        type: s4
        doc: le_lGenMinRequired, first log generation recovery needs ("Log Required" low); 0 when consistent.
      - id: gen_max_required
        type: s4
        doc: le_lGenMaxRequired, last generation needed ("Log Required" high, the waypoint).
      - id: cpg_upgrade_55_format
        type: s4
        doc: le_cpgUpgrade55Format, pages converted when upgrading an Exchange 5.5 database.
      - id: cpg_upgrade_free_pages
        type: s4
        doc: le_cpgUpgradeFreePages.
      - id: cpg_upgrade_space_map_pages
        type: s4
        doc: le_cpgUpgradeSpaceMapPages.
      - id: backup_snapshot_current
        type: ese_common::bkinfo
        doc: bkinfoSnapshotCur, current VSS (shadow copy) backup ("Current Shadow copy backup").
      - id: create_version
        type: u4
        doc: le_ulCreateVersion, format version of the engine that created the database.
      - id: create_revision
        type: u4
        doc: le_ulCreateUpdate, its format revision ("Created ulVersion").
      - id: gen_max_create_time
        type: ese_common::logtime
        doc: logtimeGenMaxCreate, creation time of the newest committed log ("Gen. Max. Com. Creation Time").
      - id: backup_type_full_previous
        type: u4
        doc: bkinfoTypeFullPrev, 0 normal (streaming), 1 OS snapshot (VSS), 2 snapshot.
      - id: backup_type_incremental_previous
        type: u4
        doc: bkinfoTypeIncPrev, same values.
  ext_ecc:
    doc: DBFILEHDR offsets 364-415.
    seq:
      - id: repair_count_old
        type: u4
        doc: le_ulRepairCountOld, repair count before the last defragmentation ("Old Repair Count").
      - id: ecc_fix_success
        type: u4
        doc: le_ulECCFixSuccess, single-bit errors corrected by ECC.
      - id: ecc_fix_success_time
        type: ese_common::logtime
        doc: logtimeECCFixSuccess.
      - id: ecc_fix_success_old
        type: u4
        doc: le_ulECCFixSuccessOld.
      - id: ecc_fix_fail
        type: u4
        doc: le_ulECCFixFail, ECC corrections that produced a bad page.
      - id: ecc_fix_fail_time
        type: ese_common::logtime
        doc: logtimeECCFixFail.
      - id: ecc_fix_fail_old
        type: u4
        doc: le_ulECCFixFailOld.
      - id: bad_checksum
        type: u4
        doc: le_ulBadChecksum, uncorrectable page checksum errors (-1018).
      - id: bad_checksum_time
        type: ese_common::logtime
        doc: logtimeBadChecksum.
      - id: bad_checksum_old
        type: u4
        doc: le_ulBadChecksumOld.
  ext_current:
    doc: DBFILEHDR offsets 416-747.
    seq:
      - id: gen_max_committed
        type: s4
        doc: le_lGenMaxCommitted, last generation with committed changes ("Log Committed").
      - id: backup_copy_previous
        type: ese_common::bkinfo
        doc: bkinfoCopyPrev, last copy backup.
      - id: backup_differential_previous
        type: ese_common::bkinfo
        doc: bkinfoDiffPrev, last differential backup.
      - id: backup_type_copy_previous
        type: u4
        doc: bkinfoTypeCopyPrev.
      - id: backup_type_differential_previous
        type: u4
        doc: bkinfoTypeDiffPrev.
      - id: reseed_count
        type: u4
        doc: le_ulIncrementalReseedCount.
      - id: reseed_time
        type: ese_common::logtime
        doc: logtimeIncrementalReseed.
      - id: reseed_count_old
        type: u4
        doc: le_ulIncrementalReseedCountOld.
      - id: page_patch_count
        type: u4
        doc: le_ulPagePatchCount.
      - id: page_patch_time
        type: ese_common::logtime
        doc: logtimePagePatch.
      - id: page_patch_count_old
        type: u4
        doc: le_ulPagePatchCountOld.
      - id: sort_version_defined
        type: u4
        doc: Low dword of le_qwSortVersion (offset 508, "defined version"); 0xFFFFFFFF in new files.
      - id: sort_version_nls
        type: u4
        doc: High dword of le_qwSortVersion (offset 512, NLS version, printed first by eseutil).
      - id: dbscan_previous_finish
        type: ese_common::logtime
        doc: logtimeDbscanPrev ("Last Database Maintenance Finish Date").
      - id: dbscan_start
        type: ese_common::logtime
        doc: logtimeDbscanStart ("Current Database Maintenance Start Date").
      - id: pgno_dbscan_highest_continuous
        type: u4
        doc: le_pgnoDbscanHighestContinuous.
      - id: gen_recovering
        type: s4
        doc: le_lGenRecovering, generation being redone ("Log Recovering").
      - id: extend_count
        type: u4
        doc: le_ulExtendCount.
      - id: extend_time
        type: ese_common::logtime
        doc: logtimeLastExtend.
      - id: shrink_count
        type: u4
        doc: le_ulShrinkCount.
      - id: shrink_time
        type: ese_common::logtime
        doc: logtimeLastShrink.
      - id: reattach_time
        type: ese_common::logtime
        doc: logtimeLastReAttach ("Last ReAttach").
      - id: reattach_position
        type: ese_common::lgpos
        doc: le_lgposLastReAttach.
      - id: trim_count
        type: u4
        doc: le_ulTrimCount.
      - id: db_header_flush_signature
        type: ese_common::signature
        doc: signDbHdrFlush, stamp of the last header flush (lost-flush detection).
      - id: flush_map_header_flush_signature
        type: ese_common::signature
        doc: signFlushMapHdrFlush.
      - id: gen_min_consistent
        type: s4
        doc: le_lGenMinConsistent ("Log Consistent").
      - id: format_update_minor
        type: u4
        doc: le_ulDaeUpdateMinor, format update-minor (third number of "Format ulVersion").
      - id: efv_max_bin_attach
        type: u4
        doc: le_efvMaxBinAttachDiagnostic, engine format version of the newest binary that attached ("attached by").
      - id: pgno_dbscan_highest
        type: u4
        doc: le_pgnoDbscanHighest.
      - id: last_resize_position
        type: ese_common::lgpos
        doc: le_lgposLastResize ("Last Resize").
      - id: reserved
        size: 3
        doc: rgbReserved, keeps file_type at 667.
      - id: file_type
        type: u4
        doc: le_filetype (unaligned), JET_filetype 1 database, 2 streaming file, 5 temp database.
      - id: reserved2
        size: 1
        doc: rgbReserved2.
      - id: gen_max_required_time
        type: ese_common::logtime
        doc: logtimeGenMaxRequired ("Gen. Max. Req. Creation Time").
      - id: gen_pre_redo_min_consistent
        type: s4
        doc: le_lGenPreRedoMinConsistent ("Log Consistent ... Pre-Redo").
      - id: gen_pre_redo_min_required
        type: s4
        doc: le_lGenPreRedoMinRequired ("Min. Req. Pre-Redo").
      - id: rbs_header_flush_signature
        type: ese_common::signature
        doc: signRBSHdrFlush, revert-snapshot header flush stamp.
      - id: revert_count
        type: u4
        doc: le_ulRevertCount.
      - id: revert_from_time
        type: ese_common::logtime
        doc: logtimeRevertFrom.
      - id: revert_to_time
        type: ese_common::logtime
        doc: logtimeRevertTo.
      - id: revert_page_count
        type: u4
        doc: le_ulRevertPageCount.
      - id: commit_before_revert
        type: ese_common::lgpos
        doc: le_lgposCommitBeforeRevert.
  patch_header:
    doc: |
      PATCHHDR, the header page of a backup patch file (*.pat) and of the
      trailer page of newer streamed backups: an ordinary page header with page
      number 0, then the backup's BKINFO and the signatures that must match the
      database. Its layout in ESE97/ESE98 .pat files is INFERRED to be this one.
      Instantiated on a stream bounded by one page.
    seq:
      - id: checksum
        type: u4
        doc: XOR header checksum of the whole page (seed 0x89ABCDEF, words 4 to page end).
      - id: pgno
        type: u4
        doc: Page number field of the old 8-byte page checksum; 0 for the patch page.
      - id: dbtime_dirtied
        type: u8
        doc: PGHDR dbtimeDirtied.
      - id: pgno_prev
        type: u4
        doc: PGHDR pgnoPrev.
      - id: pgno_next
        type: u4
        doc: PGHDR pgnoNext.
      - id: objid_fdp
        type: u4
        doc: PGHDR objidFDP.
      - id: cb_free
        type: u2
        doc: PGHDR cbFree.
      - id: cb_uncommitted_free
        type: u2
        doc: PGHDR cbUncommittedFree.
      - id: ib_mic_free
        type: u2
        doc: PGHDR ibMicFree.
      - id: itag_state
        type: u2
        doc: PGHDR itagState.
      - id: page_flags
        type: u4
        doc: PGHDR fFlags.
      - id: backup
        type: ese_common::bkinfo
        doc: bkinfo, mark and log range genLow..genHigh of the backup set.
      - id: db_signature
        type: ese_common::signature
        doc: signDb, must equal the database's signDb.
      - id: log_signature
        type: ese_common::signature
        doc: signLog, must equal the database's signLog.
      - id: gen_min_required
        type: u4
        doc: lgenMinReq, database lGenMinRequired at the end of the backup (newer engines; else 0).
      - id: gen_max_required
        type: u4
        doc: lgenMaxReq.
      - id: gen_max_committed
        type: u4
        doc: lgenMaxCommitted.
      - id: gen_max_required_time
        type: ese_common::logtime
        doc: logtimeGenMaxRequired.
      - id: gen_max_committed_time
        type: ese_common::logtime
        doc: logtimeGenMaxCommitted.
