meta:
  id: bam_entry
  title: Background / Desktop Activity Moderator (BAM, DAM) execution record
  license: MIT
  endian: le
doc: |
  The data of one value under
  ControlSetNNN\Services\bam\UserSettings\<SID> (Windows 10 1709 and later:
  bam\State\UserSettings\<SID>; dam\... for the Desktop Activity Moderator).
  The value's name is the executable (a device path such as
  \Device\HarddiskVolume2\Windows\System32\dwm.exe, or a packaged app's
  name); its data, REG_BINARY of 24 bytes in the versions seen, begins with
  the FILETIME of the program's last execution the moderator recorded. The
  16 bytes after it have no documented meaning (zeros, or a small number in
  the last four) and are kept as they are. The values SequenceNumber and
  Version of the same key are REG_DWORDs, not records. References: regipy
  plugins/system/bam.py, RECmd's BatchExamples (BamDam), the 13Cubed and
  Cyber Triage write-ups of BAM.
seq:
  - id: last_execution
    type: u8
    doc: FILETIME, 100 ns ticks since 1601-01-01 UTC.
  - id: rest
    size-eos: true
    doc: The bytes after the time (16 in the versions seen), undocumented.
