package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The TCP/IP configuration of each network interface: one entry per {@code {GUID}} subkey of
 * {@code ControlSetNNN\Services\Tcpip\Parameters\Interfaces} (and per network subkey below one, Windows 10 keeps a
 * lease per network there), with the static and the DHCP addresses, the DHCP lease times (Unix seconds, written
 * as times), and the gateway's MAC address from DhcpGatewayHardware.
 */
final class NetworkData implements Plugin {
    static final Spec SPEC = Spec.of("network_data", "network_data", HiveType.SYSTEM,
            "Network interfaces (TCP/IP parameters, DHCP leases)",
            "every interface of Tcpip\\Parameters\\Interfaces per control set (and its per-network subkeys): "
                    + "static and DHCP addresses, masks, gateways, DNS, domain, lease times, the gateway's MAC",
            FieldSpec.text("interfaceGuid", "the key's name: the interface GUID (for a per-network subkey, that "
                    + "subkey's name; the key path shows its interface)"),
            FieldSpec.number("enableDhcp", "EnableDHCP: 1 the address comes from DHCP, 0 it is static"),
            FieldSpec.text("ipAddress", "IPAddress (REG_MULTI_SZ, one address a line): the static addresses"),
            FieldSpec.text("subnetMask", "SubnetMask (REG_MULTI_SZ)"),
            FieldSpec.text("defaultGateway", "DefaultGateway (REG_MULTI_SZ)"),
            FieldSpec.text("nameServer", "NameServer: the static DNS servers, as stored (separated by commas or spaces)"),
            FieldSpec.text("domain", "Domain: the static DNS suffix (regipy writes an empty one as 0)"),
            FieldSpec.text("dhcpIpAddress", "DhcpIPAddress: the address the lease gave"),
            FieldSpec.text("dhcpSubnetMask", "DhcpSubnetMask"),
            FieldSpec.text("dhcpServer", "DhcpServer: the server that gave the lease"),
            FieldSpec.text("dhcpDefaultGateway", "DhcpDefaultGateway (REG_MULTI_SZ)"),
            FieldSpec.text("dhcpNameServer", "DhcpNameServer: the DNS servers the lease gave"),
            FieldSpec.text("dhcpDomain", "DhcpDomain: the DNS suffix the lease gave"),
            FieldSpec.time("leaseObtainedTime", "LeaseObtainedTime, Unix seconds as a time: when the lease was "
                    + "obtained (absent when 0: no lease)"),
            FieldSpec.time("leaseTerminatesTime", "LeaseTerminatesTime, Unix seconds: when the lease runs out"),
            FieldSpec.time("t1", "T1, Unix seconds: when the client starts renewing"),
            FieldSpec.time("t2", "T2, Unix seconds: when the client starts rebinding"),
            FieldSpec.number("leaseSeconds", "Lease: the lease's length in seconds"),
            FieldSpec.text("dhcpGatewayIp", "DhcpGatewayHardware: the gateway's IPv4 address "
                    + "(kaitai/artifacts/dhcp_gateway_hardware.ksy)"),
            FieldSpec.text("dhcpGatewayMac", "DhcpGatewayHardware: the gateway's MAC address, which identifies the "
                    + "network"))
            .checked("regipy network_data on SYSTEM.xz (in the corpus: regipy/SYSTEM): its 3 interfaces of "
                    + "ControlSet001 and ControlSet002 value by value; its domain 0 is an empty REG_SZ in the bytes, "
                    + "its DHCP fields, shown only with EnableDHCP 1, are read here too (NetworkDataTest)");

    /** Seconds from 1601-01-01 to 1970-01-01. */
    private static final long EPOCH_1601 = 11_644_473_600L;

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            Key interfaces = HiveContext.below(cs, "Services\\Tcpip\\Parameters\\Interfaces");
            if (interfaces == null) {
                continue;
            }
            for (Key k : interfaces.subkeys()) {
                out.add(entry(k));
                for (Key network : k.subkeys()) { // one level only, as Windows writes them: no deeper walk
                    out.add(entry(network));
                }
            }
        }
        return out;
    }

    private static Entry entry(Key k) {
        Entry.Builder b = Entry.of(SPEC, k).keyName("interfaceGuid");
        b.number("enableDhcp", k, "EnableDHCP");
        b.string("ipAddress", k, "IPAddress");
        b.string("subnetMask", k, "SubnetMask");
        b.string("defaultGateway", k, "DefaultGateway");
        b.string("nameServer", k, "NameServer");
        b.string("domain", k, "Domain");
        b.string("dhcpIpAddress", k, "DhcpIPAddress");
        b.string("dhcpSubnetMask", k, "DhcpSubnetMask");
        b.string("dhcpServer", k, "DhcpServer");
        b.string("dhcpDefaultGateway", k, "DhcpDefaultGateway");
        b.string("dhcpNameServer", k, "DhcpNameServer");
        b.string("dhcpDomain", k, "DhcpDomain");
        unixTime(b, "leaseObtainedTime", k.value("LeaseObtainedTime"));
        unixTime(b, "leaseTerminatesTime", k.value("LeaseTerminatesTime"));
        unixTime(b, "t1", k.value("T1"));
        unixTime(b, "t2", k.value("T2"));
        b.number("leaseSeconds", k, "Lease");
        Value hw = k.value("DhcpGatewayHardware");
        if (hw != null) {
            DeviceStructs.GatewayHardware g = DeviceStructs.gatewayHardware(hw.data());
            if (g.problem() != null) {
                b.note(Values.at(hw) + ": " + g.problem());
            }
            if (g.ip() != null) {
                b.text("dhcpGatewayIp", g.ip(), Values.dataOffset(hw)).text("dhcpGatewayMac", g.mac(),
                        Values.dataOffset(hw));
            }
        }
        return b.build();
    }

    /** A DWORD of Unix seconds as a FILETIME (exact: whole seconds); 0 means none and gives no field. */
    private static void unixTime(Entry.Builder b, String field, Value v) {
        if (v == null) {
            return;
        }
        Values.Number n = Values.number(v);
        if (n.note() != null) {
            b.note(n.note());
        }
        if (!n.ok() || n.value() == 0) {
            return;
        }
        if (n.value() < 0 || n.value() > 0xFFFFFFFFL) {
            b.note(Values.at(v) + ": " + Long.toUnsignedString(n.value()) + " is not a 32-bit count of Unix seconds");
            return;
        }
        b.time(field, (n.value() + EPOCH_1601) * 10_000_000L, Values.dataOffset(v));
    }
}
