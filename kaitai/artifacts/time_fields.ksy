meta:
  id: time_fields
  title: Windows kernel TIME_FIELDS (16 bytes), as the time zone values StandardStart and DaylightStart hold it
  license: MIT
  endian: le
doc: |
  The kernel's TIME_FIELDS structure (ntdef.h; the transitions of
  RTL_TIME_ZONE_INFORMATION): eight little-endian 16-bit fields, the weekday
  LAST. This is what ControlSetNNN\Control\TimeZoneInformation :
  StandardStart and DaylightStart hold (REG_BINARY of 16 bytes), not the
  user-mode SYSTEMTIME, whose weekday is the third field: the Eastern time
  zone's StandardStart 00000b00 01000200 00000000 00000000 reads "first
  Sunday of November, 02:00" as TIME_FIELDS (the US rule since 2007) and
  "second Monday of November, 00:00" as a SYSTEMTIME (no zone's rule). The
  TZI values under SOFTWARE\...\Time Zones are SYSTEMTIMEs; these are not.
  With year 0 the rule recurs every year: `day` is then the week of the
  month (1 to 4, 5 = the last) and `weekday` the day (0 = Sunday); with a
  year it is one date. All fields zero: no daylight saving time.
  Reference: the TIME_FIELDS and RTL_TIME_ZONE_INFORMATION layouts in the
  Windows headers (ntdiff/headers), checked on the corpus SYSTEM hives.
seq:
  - id: year
    type: u2
    doc: The year, or 0 for a rule that recurs every year.
  - id: month
    type: u2
    doc: 1 = January to 12 = December; 0 with every other field 0 means no transition.
  - id: day
    type: u2
    doc: The day of the month (1 to 31); with year 0 the week of the month (1 to 5, 5 = last).
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
  - id: weekday
    type: u2
    doc: 0 = Sunday to 6 = Saturday.
