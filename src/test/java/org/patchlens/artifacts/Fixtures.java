package org.patchlens.artifacts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

/**
 * Built hives, one per hive type, holding what every plugin of that type reads, with the values regipy's
 * validation tests state for hives the corpus does not have (SOFTWARE.xz, SYSTEM_WIN_10_1709.xz,
 * NTUSER_BAGMRU.DAT.xz, NTUSER_with_winscp.DAT.xz). The plugin tests read them where the corpus has no example,
 * and the Jazzer targets ({@code fuzz/ArtifactFuzzTest}) mutate them. A new plugin adds its keys to the fixture of
 * its hive type.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** A fresh fixture for the plugin's hive type. */
    public static HiveBuilder of(HiveType type) {
        return switch (type) {
            case SYSTEM -> system();
            case SOFTWARE -> software();
            case NTUSER -> ntuser();
            case CLUSTER -> cluster();
            case SAM -> sam();
            case AMCACHE -> amcache();
            case USRCLASS -> ShellFixtures.usrclass();
            default -> throw new IllegalArgumentException("no fixture for " + type);
        };
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    static byte[] fileTime(Instant t, int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN).putLong(FileTime.fromInstant(t)).array();
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** UTF-16LE with its NUL, as Explorer writes WordWheelQuery items (REG_BINARY). */
    static byte[] utf16z(String s) {
        return HiveBuilder.utf16z(s);
    }

    /** MRUListEx of these numbers, ended by 0xFFFFFFFF. */
    static byte[] mru(int... ids) {
        ByteBuffer b = ByteBuffer.allocate(4 * ids.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int id : ids) {
            b.putInt(id);
        }
        return b.putInt(-1).array();
    }

    static HiveBuilder system() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1).dword("Default", 1).dword("LastKnownGood", 2).dword("Failed", 0);
        HiveBuilder.K cs = b.key("ControlSet001");
        cs.key("Control\\ComputerName\\ComputerName").sz("", "mnmsrvc").sz("ComputerName", "WKS-WIN732BITA")
                .lastWritten(t("2010-11-10T17:18:08.718750Z"));
        cs.key("Control\\TimeZoneInformation").dword("Bias", 300).dword("DaylightBias", 0xFFFFFFC4L)
                .sz("DaylightName", "@tzres.dll,-111").binary("DaylightStart", hex("00000300020002000000000000000000"))
                .dword("StandardBias", 0).sz("StandardName", "@tzres.dll,-112")
                .binary("StandardStart", hex("00000b00010002000000000000000000"))
                .sz("TimeZoneKeyName", "Eastern Standard Time").dword("DynamicDaylightTimeDisabled", 0)
                .dword("ActiveTimeBias", 240);
        cs.key("Control\\Windows").dword("ErrorMode", 0).binary("ShutdownTime", hex("33d729750612cd01"))
                .lastWritten(t("2012-04-04T01:58:40.839249Z"));
        cs.key("Services\\Abiosdsk").dword("ErrorControl", 0).sz("Group", "Primary disk").dword("Start", 4)
                .dword("Tag", 3).dword("Type", 1);
        cs.key("Services\\Dhcp").sz("DisplayName", "DHCP Client")
                .expandSz("ImagePath", "%SystemRoot%\\system32\\svchost.exe -k netsvcs").dword("Start", 2)
                .dword("Type", 0x20).sz("ObjectName", "LocalSystem").dword("DelayedAutostart", 1)
                .key("Parameters").expandSz("ServiceDll", "%SystemRoot%\\System32\\dhcpcsvc.dll");
        HiveBuilder.K sid = cs.key("Services\\bam\\State\\UserSettings\\S-1-5-90-0-1");
        sid.dword("SequenceNumber", 9).dword("Version", 1)
                .binary("\\Device\\HarddiskVolume2\\Windows\\System32\\dwm.exe",
                        fileTime(t("2020-04-19T09:09:35.731816Z"), 24));
        cs.key("Services\\MSExchangeSA").dword("Start", 3);
        cs.key("Services\\MSExchangeSA\\Parameters").sz("Enterprise", "Contoso").sz("Site", "HQ")
                .sz("Server", "EXVS01");
        cs.key("Services\\MSExchangeIS\\ParametersPrivate").sz("DB Path", "D:\\exchsrvr\\MDBDATA\\PRIV.EDB")
                .binary("Store GUID", hex("525960676e757c838a91989fa6adb4bb"));
        cs.key("Control\\Session Manager\\Environment").sz("_CLUSTER_NETWORK_NAME_", "EXVS01");
        cs.key("Control\\Session Manager\\AppCompatCache").binary("AppCompatCache", ShimCacheBuilder.nt6(false,
                List.of(ShimCacheBuilder.Item.of("\\??\\C:\\Program Files\\McAfee\\VirusScan Enterprise\\mfeann.exe",
                        FileTime.fromInstant(t("2011-01-12T12:08:00Z"))).flags(2, 0))));
        devicesAndNetworks(b, cs);
        return b;
    }

    /** DEVPROP_TYPE_FILETIME and _STRING as Windows 8 and later store them: in the registry type's low word. */
    static final long PROP_FILETIME = 0xFFFF0010L;
    static final long PROP_STRING = 0xFFFF0012L;

    /**
     * USBSTOR, USB, MountedDevices and TCP/IP interfaces: the USBSTOR device regipy's usbstor_plugin states for
     * SYSTEM_WIN_10_1709.xz (not in the corpus), in the Windows 10 property layout, each time the exact FILETIME
     * that hive holds (its six-digit strings are regipy's rounding of these); one DHCP interface with a per-network
     * subkey; the three forms of MountedDevices data and one unknown.
     */
    static void devicesAndNetworks(HiveBuilder b, HiveBuilder.K cs) {
        HiveBuilder.K disk = cs.key("Enum\\USBSTOR\\Disk&Ven_SanDisk&Prod_Cruzer&Rev_1.20\\200608767007B7C08A6A&0")
                .lastWritten(t("2020-03-17T14:02:38.9650501Z")).sz("FriendlyName", "SanDisk Cruzer USB Device")
                .sz("ContainerID", "{b3de1805-dd31-527c-b2e7-845dd3712470}");
        disk.key("Device Parameters\\Partmgr").sz("DiskId", "{fc416b61-6437-11ea-bd0c-a483e7c21469}");
        disk.key("Properties\\{540b947e-8b40-45bc-a8a2-6a0b894cbda2}\\0004").value("", PROP_STRING,
                utf16z("SanDisk Cruzer USB Device"));
        HiveBuilder.K dates = disk.key("Properties\\{83da6326-97a6-4088-9453-a1923f573b29}");
        dates.key("0064").value("", PROP_FILETIME, fileTime(t("2020-03-17T14:02:38.9554894Z"), 8));
        dates.key("0065").value("", PROP_FILETIME, fileTime(t("2020-03-17T14:02:38.9554894Z"), 8));
        dates.key("0066").value("", PROP_FILETIME, fileTime(t("2020-03-17T14:02:38.9466272Z"), 8));
        dates.key("0067").value("", PROP_FILETIME, fileTime(t("2020-03-17T14:23:45.5046900Z"), 8));
        cs.key("Control\\DeviceClasses\\{53f56307-b6bf-11d0-94f2-00a0c91efb8b}\\##?#USBSTOR#"
                + "Disk&Ven_SanDisk&Prod_Cruzer&Rev_1.20#200608767007B7C08A6A&0#{53f56307-b6bf-11d0-94f2-00a0c91efb8b}")
                .lastWritten(t("2020-03-17T14:02:38.9826880Z"));
        cs.key("Enum\\USB\\VID_0781&PID_5530\\200608767007B7C08A6A").lastWritten(t("2020-03-17T14:02:38.9415282Z"))
                .sz("DeviceDesc", "@usbstor.inf,%genericbulkonly.devicedesc%;USB Mass Storage Device")
                .sz("Service", "USBSTOR").sz("ClassGUID", "{36fc9e60-c465-11cf-8056-444553540000}")
                .multiSz("HardwareID", "USB\\VID_0781&PID_5530&REV_0120", "USB\\VID_0781&PID_5530")
                .key("Properties\\{540b947e-8b40-45bc-a8a2-6a0b894cbda2}\\0004").value("", PROP_STRING,
                        utf16z("Cruzer"));
        b.key("MountedDevices").binary("\\DosDevices\\C:", hex("3ea0be5c0000100000000000"))
                .binary("\\??\\Volume{5d5e0a3c-0000-0000-0000-100000000000}",
                        hex("444d494f3a49443a9fe3576f6f2e454ba75222512bd0187f"))
                .binary("\\DosDevices\\E:", utf16z("_??_USBSTOR#Disk&Ven_SanDisk&Prod_Cruzer&Rev_1.20#"
                        + "200608767007B7C08A6A&0#{53f56307-b6bf-11d0-94f2-00a0c91efb8b}"))
                .binary("#{00000000-0000-0000-0000-000000000000}", hex("0102"));
        HiveBuilder.K nic = cs.key("Services\\Tcpip\\Parameters\\Interfaces\\{6AAFC9A9-0542-4DB2-8760-CCFFA953737C}")
                .dword("EnableDHCP", 1).sz("DhcpIPAddress", "192.168.1.123").sz("DhcpSubnetMask", "255.255.255.0")
                .sz("DhcpServer", "192.168.1.1").multiSz("DhcpDefaultGateway", "192.168.1.1")
                .sz("DhcpNameServer", "192.168.1.112").sz("DhcpDomain", "shieldbase.local").dword("Lease", 0x83d60)
                .dword("LeaseObtainedTime", 0x4cdad123L).dword("T1", 0x4cdeefd3L).dword("T2", 0x4ce206d7L)
                .dword("LeaseTerminatesTime", 0x4ce30e83L)
                .binary("DhcpGatewayHardware", hex("c0a80101060000000018f8ea2ea2"));
        nic.key("8756F4E33D3B7E8A4F0A4D83E3C1A7F2").sz("DhcpIPAddress", "10.0.0.7").dword("LeaseObtainedTime", 1);
    }

    static HiveBuilder software() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Classes");
        b.key("Microsoft\\Windows\\CurrentVersion\\Run").lastWritten(t("2012-04-04T01:54:23.669836Z"))
                .sz("VMware Tools", "\"C:\\Program Files\\VMware\\VMware Tools\\VMwareTray.exe\"")
                .sz("VMware User Process", "\"C:\\Program Files\\VMware\\VMware Tools\\VMwareUser.exe\"")
                .sz("Adobe ARM", "\"C:\\Program Files\\Common Files\\Adobe\\ARM\\1.0\\AdobeARM.exe\"")
                .sz("McAfeeUpdaterUI", "\"C:\\Program Files\\McAfee\\Common Framework\\udaterui.exe\" /StartedFromRunKey")
                .sz("ShStatEXE", "\"C:\\Program Files\\McAfee\\VirusScan Enterprise\\SHSTAT.EXE\" /STANDALONE")
                .sz("McAfee Host Intrusion Prevention Tray",
                        "\"C:\\Program Files\\McAfee\\Host Intrusion Prevention\\FireTray.exe\"")
                .sz("svchost", "c:\\windows\\system32\\dllhost\\svchost.exe");
        b.key("Microsoft\\Windows NT\\CurrentVersion\\Winlogon").sz("Userinit", "C:\\Windows\\system32\\userinit.exe,")
                .sz("Shell", "explorer.exe").sz("DefaultUserName", "rsydow").sz("DefaultDomainName", "SHIELDBASE");
        b.key("Microsoft\\Windows\\CurrentVersion\\Uninstall\\AddressBook").lastWritten(t("2009-07-14T04:41:12.758808Z"));
        b.key("Microsoft\\Windows\\CurrentVersion\\Uninstall\\Connection Manager")
                .lastWritten(t("2009-07-14T04:41:12.758808Z")).dword("SystemComponent", 1);
        HiveBuilder.K profiles = b.key("Microsoft\\Windows NT\\CurrentVersion\\ProfileList");
        profiles.key("S-1-5-18").lastWritten(t("2009-07-14T04:41:12.493608Z")).dword("Flags", 12).dword("State", 0)
                .expandSz("ProfileImagePath", "%systemroot%\\system32\\config\\systemprofile");
        profiles.key("S-1-5-21-2036804247-3058324640-2116585241-1114").lastWritten(t("2012-04-06T19:42:31.408714Z"))
                .dword("Flags", 0).dword("State", 256).expandSz("ProfileImagePath", "C:\\Users\\rsydow")
                .dword("ProfileLoadTimeLow", 0).dword("ProfileLoadTimeHigh", 0);
        b.key("Microsoft\\Windows\\CurrentVersion\\Authentication\\LogonUI")
                .lastWritten(t("2012-04-04T12:20:41.453654Z"))
                .sz("LastLoggedOnProvider", "{6F45DC1E-5384-457A-BC13-2CD81B0D28ED}")
                .sz("LastLoggedOnSAMUser", "SHIELDBASE\\rsydow").sz("LastLoggedOnUser", "SHIELDBASE\\rsydow")
                .dword("ShowTabletKeyboard", 0);
        networkList(b);
        return b;
    }

    /**
     * The NetworkList profile regipy's networklist plugin states for SOFTWARE.xz (not in the corpus), with the
     * signature that names it and one that names no profile. regipy states date_created and date_last_connected
     * None for it; SOFTWARE.xz is not public in a form we hold, so why is not known. The two dates here are
     * builder-made SYSTEMTIMEs (local time), for the decoder, not regipy's.
     */
    static void networkList(HiveBuilder b) {
        String list = "Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\";
        b.key(list + "Profiles\\{1EDE3981-5784-4C61-B5A7-CF328A10043E}").lastWritten(t("2012-04-04T11:48:39.3927500Z"))
                .sz("ProfileName", "shieldbase.local").sz("Description", "shieldbase.local").dword("Managed", 1)
                .dword("Category", 2).dword("NameType", 6)
                .binary("DateCreated", hex("dc070400030004000b00300027008801"))
                .binary("DateLastConnected", hex("dc0704000600070011001e000900e703"));
        b.key(list + "Signatures\\Managed\\010103000F0000F0080000000F0000F04BCC2360E47E7BA9A2AE5C0B2B12E2C7")
                .sz("ProfileGuid", "{1EDE3981-5784-4C61-B5A7-CF328A10043E}").sz("Description", "shieldbase.local")
                .binary("DefaultGatewayMac", hex("0018f8ea2ea2")).sz("DnsSuffix", "shieldbase.local")
                .sz("FirstNetwork", "shieldbase.local");
        b.key(list + "Signatures\\Unmanaged\\010103000F0000F0A00000000F0000F0C8BB4E32").sz("ProfileGuid",
                "{00000000-0000-0000-0000-0000000000AA}").sz("FirstNetwork", "Guest").binary("DefaultGatewayMac",
                hex("00112233445566"));
    }

    static final String[] TYPED_PATHS = {"cmd", "C:\\Offline\\AD", "git", "powershell", "C:\\Program Files",
        "Network", "\\\\wsl$\\Ubuntu\\projects\\CAD316_001\\partition_p1", "\\\\wsl$\\Ubuntu\\projects",
        "\\\\wsl$\\Ubuntu", "C:\\Users\\tony\\Github", "C:\\Users\\tony\\Github\\velocity-client-master",
        "C:\\Users\\tony\\Github\\cogz", "C:\\Users\\tony\\Github\\cogz\\cogz", "Quick access",
        "C:\\ProgramData\\chocolatey\\lib\\yara\\tools", "C:\\Training\\MT01\\exercise"};

    static HiveBuilder ntuser() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Control Panel");
        b.key("Environment");
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Run").lastWritten(t("2012-04-03T21:19:54.837716Z"))
                .expandSz("Sidebar", "%ProgramFiles%\\Windows Sidebar\\Sidebar.exe /autoRun");
        b.key("Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows").sz("Load", "");
        HiveBuilder.K paths = b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\TypedPaths")
                .lastWritten(t("2022-02-06T13:46:04.945080Z"));
        for (int i = 0; i < TYPED_PATHS.length; i++) {
            paths.sz("url" + (i + 1), TYPED_PATHS[i]);
        }
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\ZoomUMX")
                .lastWritten(t("2022-02-28T09:05:31.141524Z"))
                .sz("DisplayIcon", "C:\\Users\\tony\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe").sz("DisplayName", "Zoom")
                .sz("DisplayVersion", "5.9.3 (3169)").dword("EstimatedSize", 10000)
                .sz("HelpLink", "https://support.zoom.us/home").sz("URLInfoAbout", "https://zoom.us")
                .sz("URLUpdateInfo", "https://zoom.us").sz("Publisher", "Zoom Video Communications, Inc.")
                .sz("UninstallString", "\"C:\\Users\\tony\\AppData\\Roaming\\Zoom\\uninstall\\Installer.exe\" /uninstall")
                .sz("InstallLocation", "C:\\Users\\tony\\AppData\\Roaming\\Zoom\\bin").dword("NoModify", 1)
                .dword("NoRepair", 1);
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\WordWheelQuery")
                .binary("MRUListEx", mru(1, 0)).binary("0", utf16z("adamantium")).binary("1", utf16z("alloy"));
        b.key("Software\\Microsoft\\Internet Explorer\\TypedURLs").sz("url1", "http://199.73.28.114:53/")
                .sz("url2", "http://go.microsoft.com/fwlink/?LinkId=69157");
        b.key("Software\\Microsoft\\Internet Explorer\\TypedURLsTime")
                .binary("url1", fileTime(t("2012-04-03T22:37:55.4115006Z"), 8));
        byte[] rdp = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(8).putInt(9)
                .putInt(180000).putLong(60, FileTime.fromInstant(t("2012-04-03T22:06:58.1242821Z"))).array();
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\"
                + "{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}\\Count").binary("Zvpebfbsg.Jvaqbjf.ErzbgrQrfxgbc", rdp)
                .binary("HRZR_PGYFRFFVBA", new byte[1612]);
        ShellFixtures.ntuser(b);
        return b;
    }

    /** regipy's SAM.xz account 1000 (Preston) as its F and V hold it (corpus regipy/SAM). */
    static HiveBuilder sam() {
        HiveBuilder b = HiveBuilder.v13();
        b.key("SAM\\Domains\\Account\\Users\\000003E8").lastWritten(t("2014-09-30T02:59:34.3166928Z"))
                .binary("F", hex("0200010000000000d0014d905adccf0100000000000000008e6627a0a8d7cf010000000000000000"
                        + "0000000000000000e803000001020000100000000100e404000004000100000000007100bcee7100"))
                .binary("V", SamUsersTest.v("Preston", "", "", "", "", "", "", "", "", ""));
        b.key("SAM\\Domains\\Account\\Users\\Names\\Preston").value("", 1000, new byte[0])
                .lastWritten(t("2014-09-24T03:35:45.1272001Z"));
        return b;
    }

    /** An Amcache hive: one InventoryApplicationFile entry and one older Root\\File entry (regipy's amcache.hve). */
    static HiveBuilder amcache() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Root\\InventoryApplicationFile\\000004495fb538f070efc58b28b096aecca267e28ead")
                .sz("ProgramId", "0000ef102566ebfe23b1eb764609c4f5b6cc00000904")
                .sz("FileId", "0000186fef64c415af7d11986c72540ba5ba3dd6e6b8")
                .sz("LowerCaseLongPath", "c:\\users\\user\\appdata\\local\\x.exe").sz("Name", "x.exe")
                .sz("Size", "0x7fac0").sz("LinkDate", "07/18/2017 03:23:49");
        b.key("Root\\File\\ccbe4c57-0000-0000-0000-100000000000\\100001639b")
                .value("17", 11, hex("5870782ddc9ed201")).sz("15", "C:\\Windows\\system32\\TPVMMondeu.dll")
                .sz("100", "000075a010066bb612ca7357ce31df8e9f0300000904")
                .sz("101", "0000056f4b9d9ec9b5dc548e1b460da889e44089d76f");
        return b;
    }

    static HiveBuilder cluster() {
        HiveBuilder b = HiveBuilder.v13();
        b.key("Groups\\G1").sz("Name", "EXVS01 Group").multiSz("Contains", "R-NN", "R-IP", "R-IS");
        b.key("Resources\\R-IP").sz("Name", "EXVS01 IP Address").sz("Type", "IP Address")
                .key("Parameters").sz("Address", "10.0.0.50").sz("SubnetMask", "255.255.255.0");
        b.key("Resources\\R-NN").sz("Name", "EXVS01 Network Name").sz("Type", "Network Name")
                .key("Parameters").sz("Name", "EXVS01");
        b.key("Resources\\R-IS").sz("Name", "Microsoft Exchange Information Store").sz("Type", "Generic Service")
                .key("Parameters").sz("ServiceName", "MSExchangeIS");
        b.key("Resources\\R-IS\\RegSync").sz("00000001", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate");
        b.key("Nodes\\1").sz("NodeName", "NODE1");
        b.key("Nodes\\2").sz("NodeName", "NODE2");
        return b;
    }
}
