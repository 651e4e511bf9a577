meta:
  id: mru_list_ex
  title: MRUListEx, the most-recently-used order of an Explorer MRU key
  license: MIT
  endian: le
doc: |
  The REG_BINARY value MRUListEx of Explorer's MRU keys (WordWheelQuery,
  RecentDocs, OpenSavePidlMRU, ...): the numbers of the key's other values
  (value "3" is item 3) from the most recently used to the least, each a
  little-endian u4, ended by 0xFFFFFFFF. An empty list is the terminator
  alone. The spec reads every u4 of the data; the reader stops at the
  terminator and reports what follows it, a missing terminator, and a length
  that is not a multiple of 4 (it parses the whole u4s only). Reference:
  regipy plugins/ntuser/word_wheel_query.py, RegRipper wordwheelquery.pl.
seq:
  - id: entries
    type: u4
    repeat: eos
    doc: Value numbers, most recent first, then 0xFFFFFFFF.
