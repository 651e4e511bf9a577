package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;

/** What the two installed-programs plugins share: one entry per subkey of an Uninstall key. */
final class Uninstall {
    private Uninstall() {
    }

    static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.text("name", "the program's key name (a product code GUID or a name)"),
            FieldSpec.text("displayName", "DisplayName: the name Programs and Features shows"),
            FieldSpec.text("displayVersion", "DisplayVersion"),
            FieldSpec.text("publisher", "Publisher"),
            FieldSpec.text("installDate", "InstallDate as stored (usually YYYYMMDD)"),
            FieldSpec.text("installLocation", "InstallLocation"),
            FieldSpec.text("installSource", "InstallSource: where it was installed from"),
            FieldSpec.text("uninstallString", "UninstallString: the command that removes it"),
            FieldSpec.text("displayIcon", "DisplayIcon"),
            FieldSpec.number("estimatedSize", "EstimatedSize in KiB"),
            FieldSpec.number("systemComponent", "SystemComponent (1: hidden from Programs and Features)"),
            FieldSpec.number("windowsInstaller", "WindowsInstaller (1: installed by MSI)"),
            FieldSpec.text("urlInfoAbout", "URLInfoAbout"));

    static List<Entry> read(Spec spec, HiveContext hive, List<String> paths) {
        List<Entry> out = new ArrayList<>();
        for (String path : paths) {
            Key uninstall = hive.key(path);
            if (uninstall == null) {
                continue;
            }
            for (Key k : uninstall.subkeys()) {
                Entry.Builder b = Entry.of(spec, k).keyName("name");
                b.string("displayName", k, "DisplayName");
                b.string("displayVersion", k, "DisplayVersion");
                b.string("publisher", k, "Publisher");
                b.string("installDate", k, "InstallDate");
                b.string("installLocation", k, "InstallLocation");
                b.string("installSource", k, "InstallSource");
                b.string("uninstallString", k, "UninstallString");
                b.string("displayIcon", k, "DisplayIcon");
                b.number("estimatedSize", k, "EstimatedSize");
                b.number("systemComponent", k, "SystemComponent");
                b.number("windowsInstaller", k, "WindowsInstaller");
                b.string("urlInfoAbout", k, "URLInfoAbout");
                out.add(b.build());
            }
        }
        return out;
    }
}
