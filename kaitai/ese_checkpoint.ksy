meta:
  id: ese_checkpoint
  title: ESE checkpoint file (edb.chk, E00.chk), CHECKPOINT
  file-extension: [chk, jcp]
  license: MIT
  endian: le
  imports:
    - ese_common
doc: |
  One 4096-byte copy of the checkpoint structure; the file holds the primary
  copy at 0 and a shadow copy at 4096, each with its own XOR checksum over its
  4096 bytes. The checkpoint says where soft recovery starts. The attachment
  list (offset 679) is valid only when bit 0x01 of version_flags is set; the
  reader walks it entry by entry (ese_common::attach_info) inside the 2048-byte
  area. The ESE97 layout is INFERRED identical up to offset 615. The reader
  instantiates this spec on a stream bounded by 4096 bytes.
  Reference: docs ese-format.md section 5.
seq:
  - id: checksum
    type: u4
    doc: le_ulChecksum, 0x89ABCDEF XOR every u4 at offsets 4..4095.
  - id: last_full_backup_checkpoint
    type: ese_common::lgpos
    doc: le_lgposLastFullBackupCheckpoint, checkpoint at the time of the last full backup ("LastFullBackupCheckpoint").
  - id: checkpoint
    type: ese_common::lgpos
    doc: le_lgposCheckpoint, the checkpoint; recovery starts at this generation ("Checkpoint").
  - id: log_signature
    type: ese_common::signature
    doc: signLog, log-stream signature ("Signature").
  - id: dbms_param
    type: ese_common::dbms_param
    doc: Engine parameters ("Env").
  - id: full_backup_position
    type: ese_common::lgpos
    doc: le_lgposFullBackup, mark of the last full backup ("FullBackup").
  - id: full_backup_time
    type: ese_common::logtime
    doc: logtimeFullBackup ("FullBackup time").
  - id: incremental_backup_position
    type: ese_common::lgpos
    doc: le_lgposIncBackup ("IncBackup").
  - id: incremental_backup_time
    type: ese_common::logtime
    doc: logtimeIncBackup ("IncBackup time").
  - id: version_flags
    type: u1
    doc: fVersion; 0x01 = the attachment list is valid (fCheckpointAttachInfoPresent), cleared on clean termination.
  - id: db_consistency
    type: ese_common::lgpos
    doc: le_lgposDbConsistency ("DbConsistency"); 0 in older files (then equal to the checkpoint).
  - id: reserved1
    size: 11
    doc: rgbReserved1.
  - id: file_type
    type: s4
    doc: le_filetype (unaligned), 4 = checkpoint; 0 in old files.
  - id: reserved2
    size: 8
    doc: rgbReserved2.
  - id: attach_area
    size: 2048
    doc: rgbAttach, the ATTACHINFO list, ended by a zero byte (stale entries may follow it).
  - id: padding
    size: 1369
    doc: Padding to 4096 bytes, zero.
