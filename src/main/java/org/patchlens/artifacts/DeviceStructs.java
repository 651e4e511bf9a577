package org.patchlens.artifacts;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.patchlens.format.DhcpGatewayHardware;
import org.patchlens.format.GptVolumeId;
import org.patchlens.format.MbrVolumeId;
import org.patchlens.format.Systemtime;

/**
 * The binary structures of the device and network artifacts (MountedDevices data, a NetworkList SYSTEMTIME,
 * DhcpGatewayHardware), each read through the class Kaitai generates from its spec in {@code kaitai/artifacts/},
 * in the manner of {@link Structs}: any bytes in, the length checked before the parse, what was wrong in
 * {@code problem} (null when nothing was), never an exception. Each has a Jazzer target
 * ({@code fuzz/ArtifactFuzzTest}).
 */
public final class DeviceStructs {
    private DeviceStructs() {
    }

    private static ByteBufferKaitaiStream stream(byte[] data, int length) {
        return new ByteBufferKaitaiStream(data.length == length ? data : Arrays.copyOf(data, length));
    }

    // ------------------------------------------------------------------ MountedDevices data

    /** The forms of a MountedDevices value's data. */
    public enum MountForm {
        /** 12 bytes: MBR disk signature and partition offset (mbr_volume_id.ksy). */
        MBR("mbr"),
        /** "DMIO:ID:" and a GPT partition GUID (gpt_volume_id.ksy). */
        GPT("gpt"),
        /** A UTF-16LE device path: {@code \??\STORAGE#Volume#...}, {@code _??_USBSTOR#Disk&Ven_...}. */
        DEVICE_PATH("device path"),
        /** None of these: kept as hex. */
        UNKNOWN("unknown");

        public final String label;

        MountForm(String label) {
            this.label = label;
        }
    }

    /**
     * A MountedDevices value's data read: its form, and per form the disk signature (8 hex digits, the u4 as
     * diskpart shows it) and partition offset, the partition GUID, or the device path; {@code hex} is the data
     * in lower-case hex for every form (the unknown form's only reading).
     */
    public record MountData(MountForm form, String diskSignature, long partitionOffset, String partitionGuid,
                            String devicePath, String hex, String problem) {
    }

    private static final byte[] DMIO = "DMIO:ID:".getBytes(StandardCharsets.US_ASCII);

    public static MountData mountData(byte[] data) {
        String hex = HexFormat.of().formatHex(data);
        if (data.length == 12) {
            MbrVolumeId m = new MbrVolumeId(stream(data, 12));
            return new MountData(MountForm.MBR, String.format(Locale.ROOT, "%08X", m.diskSignature()),
                    m.partitionOffset(), null, null, hex, m.partitionOffset() < 0
                            ? "partition offset " + Long.toUnsignedString(m.partitionOffset()) + " is past 2^63" : null);
        }
        if (data.length >= DMIO.length && Arrays.equals(data, 0, DMIO.length, DMIO, 0, DMIO.length)) {
            if (data.length < 24) {
                return new MountData(MountForm.GPT, null, 0, null, null, hex,
                        data.length + " bytes after \"DMIO:ID:\" needs 24 (a 16-byte GUID)");
            }
            GptVolumeId g = new GptVolumeId(stream(data, 24));
            String guid = Structs.guid(g.partitionGuid()).text();
            return new MountData(MountForm.GPT, null, 0, guid, null, hex, data.length > 24
                    ? (data.length - 24) + " bytes after the GUID (" + data.length + " bytes; 24 used)" : null);
        }
        String path = devicePath(data);
        if (path != null) {
            return new MountData(MountForm.DEVICE_PATH, null, 0, null, path, hex, null);
        }
        return new MountData(MountForm.UNKNOWN, null, 0, null, null, hex, data.length == 0 ? "no data"
                : data.length + " bytes in none of the known forms (12-byte MBR, DMIO:ID: GPT, UTF-16LE device path)");
    }

    /**
     * The data as a UTF-16LE device path, or null: an even length of at least 8 bytes, beginning with
     * {@code \??\}, {@code _??_} or {@code \\?\}, every code unit a printable character (a trailing NUL allowed).
     */
    static String devicePath(byte[] data) {
        if (data.length < 8 || data.length % 2 != 0) {
            return null;
        }
        String s = new String(data, StandardCharsets.UTF_16LE);
        if (s.endsWith("\0")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!(s.startsWith("\\??\\") || s.startsWith("_??_") || s.startsWith("\\\\?\\"))) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || c == '\uFFFD') {
                return null;
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ SYSTEMTIME (systemtime.ksy)

    /**
     * A SYSTEMTIME as a local date and time, {@code 2012-04-04T11:48:39.3920000} (no zone: it is the machine's
     * local time; seven fractional digits like every time patchlens writes, exact since the structure holds
     * milliseconds); all zero reads "none". Fields out of range are named in {@code problem}, and the text then
     * gives every field as stored. Null text when under 16 bytes.
     */
    public record LocalTime(String text, String problem) {
    }

    public static LocalTime systemTime(byte[] data) {
        if (data.length < 16) {
            return new LocalTime(null, data.length + " bytes, a SYSTEMTIME needs 16");
        }
        Systemtime t = new Systemtime(stream(data, 16));
        List<String> problems = new ArrayList<>();
        if (data.length > 16) {
            problems.add((data.length - 16) + " bytes after the SYSTEMTIME (" + data.length + " bytes; 16 used)");
        }
        boolean zero = t.year() == 0 && t.month() == 0 && t.dayOfWeek() == 0 && t.day() == 0 && t.hour() == 0
                && t.minute() == 0 && t.second() == 0 && t.milliseconds() == 0;
        if (zero) {
            return new LocalTime("none", join(problems));
        }
        int before = problems.size();
        range(problems, "year", t.year(), 1601, 30827);
        range(problems, "month", t.month(), 1, 12);
        range(problems, "weekday", t.dayOfWeek(), 0, 6);
        int days = t.month() >= 1 && t.month() <= 12 ? java.time.YearMonth.of(Math.max(1, t.year()), t.month())
                .lengthOfMonth() : 31;
        range(problems, "day", t.day(), 1, days);
        range(problems, "hour", t.hour(), 0, 23);
        range(problems, "minute", t.minute(), 0, 59);
        range(problems, "second", t.second(), 0, 59);
        range(problems, "milliseconds", t.milliseconds(), 0, 999);
        String text = problems.size() > before
                ? String.format(Locale.ROOT, "year %d, month %d, weekday %d, day %d, %02d:%02d:%02d.%03d", t.year(),
                        t.month(), t.dayOfWeek(), t.day(), t.hour(), t.minute(), t.second(), t.milliseconds())
                : String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%03d0000", t.year(), t.month(), t.day(),
                        t.hour(), t.minute(), t.second(), t.milliseconds());
        return new LocalTime(text, join(problems));
    }

    private static void range(List<String> problems, String what, int v, int min, int max) {
        if (v < min || v > max) {
            problems.add(what + " " + v + " is not " + min + " to " + max);
        }
    }

    private static String join(List<String> problems) {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    // ------------------------------------------------------------------ DhcpGatewayHardware

    /** The gateway's IPv4 address (dotted) and hardware address (MAC, upper-case, colon-separated); null when under 8 bytes. */
    public record GatewayHardware(String ip, String mac, String problem) {
    }

    public static GatewayHardware gatewayHardware(byte[] data) {
        if (data.length < 8) {
            return new GatewayHardware(null, null, data.length + " bytes, DhcpGatewayHardware needs at least 8");
        }
        DhcpGatewayHardware g = new DhcpGatewayHardware(stream(data, data.length));
        byte[] ip = g.gatewayIp();
        String dotted = (ip[0] & 0xFF) + "." + (ip[1] & 0xFF) + "." + (ip[2] & 0xFF) + "." + (ip[3] & 0xFF);
        byte[] rest = g.address();
        long claimed = g.addressLength();
        int used = (int) Math.min(claimed, rest.length);
        String problem = claimed != rest.length ? "the hardware address length says " + claimed + " bytes, "
                + rest.length + " follow" : null;
        return new GatewayHardware(dotted, mac(Arrays.copyOf(rest, used)), problem);
    }

    /** Bytes as a MAC address, {@code 00:18:F8:EA:2E:A2}; "" for none. */
    public static String mac(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02X", x & 0xFF));
        }
        return sb.toString();
    }
}
