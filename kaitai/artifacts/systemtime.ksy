meta:
  id: systemtime
  title: Windows SYSTEMTIME (16 bytes), as NetworkList profiles store DateCreated and DateLastConnected
  license: MIT
  endian: le
doc: |
  The user-mode SYSTEMTIME structure (minwinbase.h): eight little-endian
  16-bit fields, the weekday THIRD (unlike the kernel TIME_FIELDS of
  time_fields.ksy, whose weekday is last). The NetworkList profile values
  DateCreated and DateLastConnected (SOFTWARE\Microsoft\Windows NT\
  CurrentVersion\NetworkList\Profiles\{GUID}, REG_BINARY of 16 bytes) hold
  one in the machine's LOCAL time, not UTC: the profile service writes
  GetLocalTime's result, so the zone is whatever the machine was set to
  (the SYSTEM hive's TimeZoneInformation says which). References: the
  SYSTEMTIME documentation, regipy plugins/software/networklist.py,
  RegRipper networklist.pl.
seq:
  - id: year
    type: u2
    doc: 1601 to 30827.
  - id: month
    type: u2
    doc: 1 = January to 12 = December.
  - id: day_of_week
    type: u2
    doc: 0 = Sunday to 6 = Saturday.
  - id: day
    type: u2
    doc: 1 to 31.
  - id: hour
    type: u2
    doc: 0 to 23.
  - id: minute
    type: u2
    doc: 0 to 59.
  - id: second
    type: u2
    doc: 0 to 59.
  - id: milliseconds
    type: u2
    doc: 0 to 999.
