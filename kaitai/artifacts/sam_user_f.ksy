meta:
  id: sam_user_f
  title: SAM user account F value (fixed part, 80 bytes)
  license: MIT
  endian: le
doc: |
  The REG_BINARY value F of SAM\Domains\Account\Users\<RID, 8 hex digits>:
  the account's times, counters and flags, 80 bytes (versions 2 and 3 seen;
  anything after byte 80 is extended data). Times are FILETIMEs, 0 when
  never; account_expires 0x7FFFFFFFFFFFFFFF also means never. The account
  control field is the USER_ACCOUNT_CONTROL bits of MS-SAMR 2.2.1.12, read
  as 32 bits (regipy reads 16 and cannot see the bits from 0x10000 up).
  References: libyal winreg-kb "Security Accounts Manager keys", MS-SAMR,
  regipy samparse, RegRipper samparse.pl.
seq:
  - id: major_version
    type: u2
  - id: minor_version
    type: u2
  - id: extended_flags
    type: u2
  - id: extended_size
    type: u2
  - id: last_logon
    type: u8
  - id: last_logoff
    type: u8
    doc: Undocumented; seen 0.
  - id: password_last_set
    type: u8
  - id: account_expires
    type: u8
  - id: last_failed_logon
    type: u8
    doc: The last bad password (badPasswordTime).
  - id: rid
    type: u4
  - id: primary_group_rid
    type: u4
  - id: account_control
    type: u4
    doc: USER_ACCOUNT_CONTROL bits (0x1 disabled, 0x10 normal account, 0x200 password does not expire ...).
  - id: country_code
    type: u2
  - id: code_page
    type: u2
  - id: failed_logon_count
    type: u2
    doc: badPwdCount.
  - id: logon_count
    type: u2
  - id: unknown
    size: 12
