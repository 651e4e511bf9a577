meta:
  id: dhcp_gateway_hardware
  title: DhcpGatewayHardware, the default gateway's IPv4 and hardware address a DHCP lease recorded
  license: MIT
  endian: le
doc: |
  The REG_BINARY value DhcpGatewayHardware of an interface key
  (SYSTEM\ControlSetNNN\Services\Tcpip\Parameters\Interfaces\{GUID}): the
  gateway's IPv4 address (4 bytes in network order), the length of its
  hardware address (u4, 6 for Ethernet), then that address (the gateway's
  MAC), 14 bytes in all for Ethernet. The MAC identifies the network the
  machine was on. The reader takes min(length, bytes left) of the address
  and reports a length that does not match. Reference: RegRipper
  networkcards.pl / nic2.pl, the SANS "Network history" write-ups.
seq:
  - id: gateway_ip
    size: 4
    doc: IPv4 address, most significant byte first.
  - id: address_length
    type: u4
    doc: Length of the hardware address (6 for an Ethernet MAC).
  - id: address
    size-eos: true
    doc: The hardware address; as many bytes as address_length says, nothing after it.
