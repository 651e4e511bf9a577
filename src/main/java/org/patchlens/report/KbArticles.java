package org.patchlens.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Microsoft Knowledge Base articles patchlens cites: titles as the domain reference
 * ({@code ../shared/docs/exchange-restore.md}, section 6 and its "Also seen" list) gives them, the KB's own
 * words (an entry whose title the reference gives only in part is left out: its title cell then shows the
 * KB number alone). {@code KbArticlesTest} checks every title against the reference when it is present.
 */
public final class KbArticles {
    /** The public mirror a KB reference links to (the article number without its Q). */
    public static final String MIRROR = "https://www.betaarchive.com/wiki/index.php?title=Microsoft_KB_Archive/";

    private static final Map<String, String> TITLES = titles(
            "Q102984", "REG: ControlSet\\Select Subkey Entries",
            "Q149238", "XADM: Information Store Fails To Start With -1011 Error",
            "Q155216", "How to Move Exchange Server to a New Computer w/ Same Name",
            "Q155509", "XADM: Restore Exchange When Site or Organization Name Is Unknown",
            "Q162354", "XADM: DS_E_COMMUNICATIONS_PROBLEM Running ISINTEG -PATCH",
            "Q162384", "XCON: How to Troubleshoot MTA Starting Failures",
            "Q162950", "XADM: Err Msg When Using Isinteg -Patch: ECBadConfig",
            "Q163294", "Exchange MTA Build Numbers",
            "Q169859", "XADM: Event ID 1081 and Service Specific Error 0x00000057",
            "Q172951", "How to Recover from a Corrupted Quorum Log",
            "Q174070", "Registry Replication in Microsoft Cluster Server",
            "Q176068", "XADM: Err: \"Private store could not be updated\" Running Isinteg",
            "Q178311", "XADM: Error Running ISINTEG on a Cluster Server",
            "Q181795", "XADM: Directory Service Does Not Start with Event ID 1196",
            "Q182903", "XADM: ESEUTIL Command Line Parameters",
            "Q183266", "XADM: HowTo Restore Offline Backup of Dir Svc and Info Store",
            "Q185577", "XADM: Error 1120 and 5000 When Starting Information Store",
            "Q185942", "XADM: Cannot Run ISINTEG -PATCH on Cluster Server Computer",
            "Q188635", "XADM: Changing the State of Circular Logging Fails on a Cluster",
            "Q188650", "XADM: Restore of Private-Only Server Fails with Arcserve",
            "Q188674", "XADM: Directory Service Restore to Cluster Fails with Event 1002",
            "Q190440", "XADM: Service Specific Error 4294966746 Starting Store",
            "Q192176", "XADM: Restoring a Private IS Only with Arcserve6.x",
            "Q192493", "XADM: Setup Doesn't Add Permission to MSExchangeES Registry Key",
            "Q196406", "Replication Fails After Disaster Recovery",
            "Q199756", "XADM: Tips for Modifying an Exchange Server Registry Key on MSCS",
            "Q199954", "Forklifting All Users to a New Server",
            "Q200941", "XADM: How the Restore in Progress Registry Key Works",
            "Q217147", "How to Restart Cluster Server After Clusdb Corruption",
            "Q222912", "XADM: Cannot Modify Database Paths on Clustered Server",
            "Q224999", "How to Use the Cluster TMP file to Replace a Damaged Clusdb File",
            "Q231299", "XADM: Information Store Returns Service-Specific Error 335544375 (title as archived; body: 3355443752)",
            "Q232705", "XADM: Error 87 Starting Information Store after Online Restore",
            "Q232932", "XADM: There Is No RestoreInProgress Registry Key in Microsoft Exchange 2000 Server",
            "Q234365", "XADM: ISINTEG -Patch May Take Several Hours to Finish",
            "Q237739", "XADM: Exchange On-line Restore Fails with Event ID 8010",
            "Q238063", "XADM: How to Do an Online Restore of an Exchange Cluster Server",
            "Q238173", "Quorum Checkpoint File May Be Corrupted at Shutdown",
            "Q240145", "XADM: How to Tell Which Transaction Log Files Can Be Safely Removed",
            "Q245211", "XADM: Incremental Backup Doesn't Work on Second Node of Cluster",
            "Q247109", "XADM: Steps to Restore an Online Backup Using Current Log Files",
            "Q251409", "Isinteg -patch is no longer required to restore offline backups",
            "Q257252", "XADM: Default Registry Entries for Exchange Server Info Store",
            "Q258301", "XADM: Running Isinteg -t When Isinteg Fails For Lack of Space",
            "Q259243", "How to set the startup value for a resource on a clustered server",
            "Q261947", "XADM: How to Determine if Eseutil /p Has Been Run on a Database",
            "Q262041", "XADM: Data Missing from Database After an Online Restore",
            "Q263548", "XADM: Event ID 1016 and 1002 Occurs When Directory Service Fails",
            "Q269014", "XADM: How to Move the Edb.chk File on a Cluster",
            "Q269782", "XADM: Err 3355443765 Starting Information Store After Restore",
            "Q271634", "XADM: How to Apply Exchange Server 5.5 Fixes to Cluster",
            "Q272570", "Disaster Recovery of Information Store on Exchange Server",
            "Q276600", "Cannot Create an Exchange Cluster Resource",
            "Q278464", "XADM: Changing the Exchange Server Database Paths on a Cluster",
            "Q280770", "Information Store Fails After You Restore an Offline Backup",
            "Q283149", "XADM: -1011 Error Message Reported After Running ISINTEG -PATCH",
            "Q288562", "XADM: Isinteg Won't Patch Information Store Running on Cluster",
            "Q290651", "XADM: Cannot Bring Exchange Services Online Using Cluster Admin",
            "Q296229", "XADM: Recovering Exchange Server Computer Using Online Backup",
            "Q296787", "XADM: Offline Backup and Restore Procedures for Exchange Server",
            "Q299676", "XADM: Event Service May Not Start with Event ID 5 Message",
            "Q303418", "TRAP Page Fault Error Message with Damaged System Hive",
            "Q316772", "XADM: Cluster Registry Checkpoint Event ID 1024 Err Mssg Logged");

    /** A KB reference in text: "Q" and six digits. */
    private static final Pattern KB = Pattern.compile("(?<![A-Za-z0-9])Q\\d{6}(?![0-9])");

    private KbArticles() {
    }

    private static Map<String, String> titles(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(m);
    }

    /** Every title patchlens knows, by KB number ("Q288562"). */
    public static Map<String, String> all() {
        return TITLES;
    }

    /** The article's title, or the KB number alone when patchlens does not know it (never a made-up title). */
    public static String title(String kb) {
        return TITLES.getOrDefault(kb, kb);
    }

    /** Whether {@link #title} is the article's title and not just its number. */
    public static boolean known(String kb) {
        return TITLES.containsKey(kb);
    }

    /** The mirror URL of a KB reference ("Q288562"). */
    public static String url(String kb) {
        String n = kb.trim();
        if (n.length() > 1 && (n.charAt(0) == 'Q' || n.charAt(0) == 'q')) {
            n = n.substring(1);
        }
        return MIRROR + n;
    }

    /** Every KB reference ("Q" and six digits) in a text, in order. */
    static java.util.List<String> in(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = KB.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
