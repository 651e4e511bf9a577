meta:
  id: filetime_value
  title: A FILETIME stored alone as a registry value's data (8 bytes)
  license: MIT
  endian: le
doc: |
  Registry values that hold one FILETIME as REG_BINARY (or REG_QWORD) of 8
  bytes, such as ControlSetNNN\Control\Windows : ShutdownTime: 100 ns ticks
  since 1601-01-01 UTC, little-endian. Reference: regipy
  plugins/system/shutdown.py, RegRipper shutdown.pl.
seq:
  - id: ticks
    type: u8
    doc: FILETIME, 100 ns ticks since 1601-01-01 UTC.
