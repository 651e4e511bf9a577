package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;

/**
 * The last user to log on: {@code Microsoft\Windows\CurrentVersion\Authentication\LogonUI} (Vista and later),
 * and the default user name Winlogon shows ({@code Microsoft\Windows NT\CurrentVersion\Winlogon :
 * DefaultUserName, DefaultDomainName}: the last logged-on user on NT 4.0, 2000, XP and 2003). One entry per key
 * that holds any of them.
 */
final class LastLogon implements Plugin {
    static final Spec SPEC = Spec.of("last_logon", "last_logon_plugin", HiveType.SOFTWARE, "Last logged-on user",
            "LastLoggedOnUser and related values of Authentication\\LogonUI; DefaultUserName and "
                    + "DefaultDomainName of Winlogon",
            FieldSpec.text("lastLoggedOnUser", "LogonUI : LastLoggedOnUser (DOMAIN\\user)"),
            FieldSpec.text("lastLoggedOnSamUser", "LogonUI : LastLoggedOnSAMUser"),
            FieldSpec.text("lastLoggedOnDisplayName", "LogonUI : LastLoggedOnDisplayName"),
            FieldSpec.text("lastLoggedOnUserSid", "LogonUI : LastLoggedOnUserSID"),
            FieldSpec.text("lastLoggedOnProvider", "LogonUI : LastLoggedOnProvider (the credential provider's CLSID)"),
            FieldSpec.text("selectedUserSid", "LogonUI : SelectedUserSID"),
            FieldSpec.number("showTabletKeyboard", "LogonUI : ShowTabletKeyboard"),
            FieldSpec.text("defaultUserName", "Winlogon : DefaultUserName"),
            FieldSpec.text("defaultDomainName", "Winlogon : DefaultDomainName"))
            .checked("the LogonUI values regipy last_logon_plugin states for SOFTWARE.xz (not in the corpus), rebuilt "
                    + "(LastLogonTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key ui = hive.key("Microsoft\\Windows\\CurrentVersion\\Authentication\\LogonUI");
        if (ui != null) {
            Entry.Builder b = Entry.of(SPEC, ui);
            b.string("lastLoggedOnUser", ui, "LastLoggedOnUser");
            b.string("lastLoggedOnSamUser", ui, "LastLoggedOnSAMUser");
            b.string("lastLoggedOnDisplayName", ui, "LastLoggedOnDisplayName");
            b.string("lastLoggedOnUserSid", ui, "LastLoggedOnUserSID");
            b.string("lastLoggedOnProvider", ui, "LastLoggedOnProvider");
            b.string("selectedUserSid", ui, "SelectedUserSID");
            b.number("showTabletKeyboard", ui, "ShowTabletKeyboard");
            Entry e = b.build();
            if (!e.fields().isEmpty() || !e.notes().isEmpty()) {
                out.add(e);
            }
        }
        Key winlogon = hive.key("Microsoft\\Windows NT\\CurrentVersion\\Winlogon");
        if (winlogon != null) {
            Entry.Builder b = Entry.of(SPEC, winlogon);
            b.string("defaultUserName", winlogon, "DefaultUserName");
            b.string("defaultDomainName", winlogon, "DefaultDomainName");
            Entry e = b.build();
            if (!e.fields().isEmpty() || !e.notes().isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }
}
