meta:
  id: windows_guid
  title: Windows GUID as stored in binary (16 bytes, mixed endianness)
  license: MIT
  endian: le
doc: |
  A GUID in its binary form (the GUID structure of guiddef.h): a
  little-endian u4 and two little-endian u2, then eight bytes in order. Its
  text form {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX} writes the first three
  fields as numbers and the eight bytes as they are, split 2 + 6.
seq:
  - id: data1
    type: u4
  - id: data2
    type: u2
  - id: data3
    type: u2
  - id: data4
    size: 8
