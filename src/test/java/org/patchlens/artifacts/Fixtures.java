package org.patchlens.artifacts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.HexFormat;
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
        return b;
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
        return b;
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
        ShellFixtures.ntuser(b);
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
