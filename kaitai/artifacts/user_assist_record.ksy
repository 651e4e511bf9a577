meta:
  id: user_assist_record
  title: UserAssist record, the data of a value of Explorer\UserAssist\{GUID}\Count
  license: MIT
  endian: le
doc: |
  The REG_BINARY data of each value of
  Software\Microsoft\Windows\CurrentVersion\Explorer\UserAssist\{GUID}\Count
  in NTUSER.DAT, whose name is the program, shortcut or UEME_ control entry
  in ROT13. Windows XP and 2003 write 16 bytes, the run counter starting at 5
  (a program run once holds 6); Windows 7 and later write 72 bytes, the
  counter as is, with the focus count and time. UEME_CTLSESSION (1612 bytes
  on Windows 7) is a session record of its own, not one of these. References:
  Didier Stevens' UserAssist notes, libyal winreg-kb "User Assist keys",
  regipy user_assist, RegRipper userassist.pl.
types:
  xp_record:
    doc: Windows XP / 2003, 16 bytes.
    seq:
      - id: session_id
        type: u4
      - id: run_counter
        type: u4
        doc: Starts at 5; runs = run_counter - 5.
      - id: last_run
        type: u8
        doc: FILETIME of the last run.
  win7_record:
    doc: Windows 7 and later, 72 bytes.
    seq:
      - id: session_id
        type: u4
      - id: run_count
        type: u4
      - id: focus_count
        type: u4
      - id: focus_time_ms
        type: u4
        doc: Total time the program had the focus, in milliseconds.
      - id: unknown
        size: 44
        doc: Undocumented (seen as 0xBF800000 floats, -1.0, and zeros).
      - id: last_run
        type: u8
        doc: FILETIME of the last run, at offset 0x3C.
      - id: unknown_end
        type: u4
