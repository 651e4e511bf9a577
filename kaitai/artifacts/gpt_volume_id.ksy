meta:
  id: gpt_volume_id
  title: MountedDevices data of a volume on a GPT disk ("DMIO:ID:" + GUID, 24 bytes)
  license: MIT
  endian: le
doc: |
  The data (REG_BINARY) of a \DosDevices\X: or \??\Volume{GUID} value of
  SYSTEM\MountedDevices when the volume is a partition of a GUID partition
  table disk: the ASCII bytes "DMIO:ID:" and the partition's unique GUID
  from the GPT entry (binary GUID layout, as windows_guid.ksy), 24 bytes.
  The reader checks the prefix and the length before parsing. Reference:
  RegRipper mountdev2.pl ("DMIO:ID:"), seen in the corpus hive
  yarp/System_Delta (Windows 10).
seq:
  - id: magic
    contents: "DMIO:ID:"
  - id: partition_guid
    size: 16
    doc: The GPT partition's unique GUID, binary layout (u4, u2, u2, 8 bytes).
