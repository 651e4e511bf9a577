meta:
  id: mbr_volume_id
  title: MountedDevices data of a volume on an MBR disk (12 bytes)
  license: MIT
  endian: le
doc: |
  The data (REG_BINARY) of a \DosDevices\X: or \??\Volume{GUID} value of
  SYSTEM\MountedDevices when the volume is a partition of a disk with a
  master boot record: the disk's signature (the u4 at offset 0x1B8 of its
  MBR; diskpart's "uniqueid disk" shows it as this number in hex) and the
  byte offset of the partition from the start of the disk. 12 bytes exactly.
  The mount manager (mountmgr.sys) writes it; the other forms of this data
  are "DMIO:ID:" + a GPT partition GUID (gpt_volume_id.ksy) and a UTF-16LE
  device path. References: RegRipper mountdev.pl and mountdev2.pl, regipy
  plugins/system/mountdev.py, Carvey, Windows Registry Forensics ch. 4.
seq:
  - id: disk_signature
    type: u4
    doc: The MBR disk signature, little-endian as on the disk.
  - id: partition_offset
    type: u8
    doc: Byte offset of the partition from the start of the disk.
