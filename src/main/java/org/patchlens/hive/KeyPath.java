package org.patchlens.hive;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.patchlens.Echo;

/**
 * Key paths as users type them, or copy them from regedit, RECmd and KB articles, and their
 * resolution in one hive file.
 *
 * <p>(Over 600 lines, kept as one file on purpose: the grammar below, its parse and its resolution
 * share one parsed state and one set of bounds, and about 70 of the lines are this documentation.)
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * KEYPATH  = [SEP] [ ["Computer" | "My Computer"] SEP ROOT ] [SEP NAMES] [SEP]
 *          | [SEP] [ROOTNAME SEP] NAMES [SEP]
 * ROOT     = ("HKLM" | "HKEY_LOCAL_MACHINE") [SEP MOUNT]
 *          | ("HKU" | "HKEY_USERS") [SEP MOUNT]          MOUNT: a SID, .DEFAULT, SID_Classes, a load point
 *          | "HKCU" | "HKEY_CURRENT_USER"
 * NAMES    = NAME *(SEP NAME)
 * SEP      = 1*("\" | "/")
 * </pre>
 *
 * <ul>
 *   <li><b>Separators.</b> {@code \} always separates names; a run of them counts as one; leading and
 *       trailing ones are ignored. {@code /} separates too, but real key names hold {@code /}
 *       ({@code MIME\Database\Content Type\text/html}): at each step the longest run of
 *       {@code /}-joined pieces that names an existing subkey is taken, and shorter runs are tried
 *       when the rest of the path is then not found. Bounded work: each key is searched at most once
 *       per position in the path (one pass over its subkeys for all the readings there), and at most
 *       {@link #MAX_LOOKUPS} searches in all; a path has at most {@link #MAX_NAMES} names.</li>
 *   <li><b>Names</b> match under Windows' case-insensitive rules; a subkey whose name is exactly the
 *       typed name wins over siblings that differ from it only in case (a crafted or damaged hive),
 *       so each stays reachable by its own exact name. When none is exact and several match, the
 *       first listed is used and a note says so.</li>
 *   <li><b>Root aliases</b> (recognised case-insensitively, the first name only, and only when the
 *       root key has no subkey of that name: a name in the file always wins). {@code HKLM\MOUNT}:
 *       MOUNT is where the hive is mounted. It is accepted when it is the root key's own name, when
 *       it is the mount point of the kind of hive this file says it is (its file name or its base
 *       block's file name: SYSTEM, SOFTWARE, SAM, SECURITY, COMPONENTS, DRIVERS, ELAM, {@code CLUSDB}
 *       as Cluster, {@code BCD} as BCD00000000), and when it is no known mount point at all (a
 *       load point, as {@code reg load HKLM\Temp} makes). A known mount point of another kind of
 *       hive ({@code HKLM\SOFTWARE} given a file that says it is SYSTEM) is refused: the path names
 *       another hive. A file that says nothing (renamed evidence, blank base block name) takes any
 *       MOUNT. {@code HKCU}, {@code HKU\SID}, {@code HKU\.DEFAULT} name a user hive (NTUSER.DAT,
 *       DEFAULT), {@code HKU\SID_Classes} a classes hive (UsrClass.dat); they are refused for a file
 *       that says it is a hive of another kind. {@code HKLM} or {@code HKU} alone names no hive.
 *       HKCR, HKCC and the other views of several hives are refused with a line saying so.</li>
 *   <li><b>The root key's own name</b> ({@code CMI-CreateHive{...}}, {@code $$$PROTO.HIV},
 *       {@code ROOT}) may start a path that has no root alias.</li>
 *   <li><b>CurrentControlSet</b>, as the first name below the root, when the root has no such key
 *       (Windows makes it a volatile link, never stored): {@code ControlSet00N} with N from the
 *       REG_DWORD {@code Select\Current}, said in a note; when Select, Current or that control set is
 *       missing, the key is not found, with the reason.</li>
 * </ul>
 *
 * <p>{@link #parse} reads the syntax alone; {@link #resolve} applies it to a hive and returns the
 * key, the notes a command prints on stderr, or why the key was not found.
 */
public final class KeyPath {
    /** Most key searches one resolution makes (a search tries every '/' reading at one position). */
    public static final int MAX_LOOKUPS = 4096;
    /** Most names a path may have. */
    public static final int MAX_NAMES = 1024;
    /** Longest key name a hive can hold (the name length field is 16 bits). */
    static final int MAX_NAME = 65535;

    /** The root alias a path starts with. */
    public enum Root {
        /** No alias: the path starts below the hive's root key (or with its name). */
        NONE,
        HKLM,
        HKCU,
        HKU,
        /** HKEY_CLASSES_ROOT, HKEY_CURRENT_CONFIG and the like: views of several hives, refused. */
        VIEW
    }

    private final String text;
    private final List<String> names;
    private final List<String> separators;
    private final boolean computer;
    private final Root root;
    private final String rootAlias;
    private final String mount;
    /** Index of the first name below the hive root when the prefix applies. */
    private final int start;

    private KeyPath(String text, List<String> names, List<String> separators, boolean computer, Root root,
                    String rootAlias, String mount, int start) {
        this.text = text;
        this.names = names;
        this.separators = separators;
        this.computer = computer;
        this.root = root;
        this.rootAlias = rootAlias;
        this.mount = mount;
        this.start = start;
    }

    /** Reads the syntax of a path (no hive needed). */
    public static KeyPath parse(String text) {
        List<String> names = new ArrayList<>();
        List<String> seps = new ArrayList<>();
        StringBuilder sep = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' || c == '/') {
                sep.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < n && text.charAt(j) != '\\' && text.charAt(j) != '/') {
                j++;
            }
            seps.add(names.isEmpty() ? "" : sep.toString());
            names.add(text.substring(i, j));
            sep.setLength(0);
            i = j;
        }
        int at = 0;
        boolean computer = false;
        if (names.size() > 1 && (eq(names.get(0), "Computer") || eq(names.get(0), "My Computer"))
                && rootOf(names.get(1)) != Root.NONE) {
            computer = true;
            at = 1;
        }
        Root root = at < names.size() ? rootOf(names.get(at)) : Root.NONE;
        String alias = null;
        String mount = null;
        if (root != Root.NONE) {
            alias = names.get(at++);
            if ((root == Root.HKLM || root == Root.HKU) && at < names.size()) {
                mount = names.get(at++);
            }
        }
        return new KeyPath(text, List.copyOf(names), List.copyOf(seps), computer, root, alias, mount,
                root == Root.NONE ? 0 : at);
    }

    private static Root rootOf(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "HKLM", "HKEY_LOCAL_MACHINE" -> Root.HKLM;
            case "HKCU", "HKEY_CURRENT_USER" -> Root.HKCU;
            case "HKU", "HKEY_USERS" -> Root.HKU;
            case "HKCR", "HKEY_CLASSES_ROOT", "HKCC", "HKEY_CURRENT_CONFIG", "HKEY_PERFORMANCE_DATA", "HKPD",
                 "HKEY_DYN_DATA", "HKDD", "HKEY_PERFORMANCE_TEXT", "HKEY_PERFORMANCE_NLSTEXT" -> Root.VIEW;
            default -> Root.NONE;
        };
    }

    private static boolean eq(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    /** The path as given. */
    public String text() {
        return text;
    }

    /** Every name of the path, split at each {@code \} and {@code /}, in order. */
    public List<String> names() {
        return names;
    }

    /** The separators as typed: element i stands before name i ("" before the first). */
    public List<String> separators() {
        return separators;
    }

    /** Whether the path starts with regedit's {@code Computer\} (or {@code My Computer\}) before a root alias. */
    public boolean computerPrefix() {
        return computer;
    }

    public Root root() {
        return root;
    }

    /** The root alias as typed ({@code HKEY_LOCAL_MACHINE}, {@code HKLM}, ...), or null. */
    public String rootAlias() {
        return rootAlias;
    }

    /** The name after {@code HKLM} or {@code HKU} as typed (the mount point), or null. */
    public String mount() {
        return mount;
    }

    /** The names below the hive root, if the root alias applies (separators as typed between them). */
    public List<String> below() {
        return names.subList(start, names.size());
    }

    // ------------------------------------------------------------------ resolution

    /**
     * What a path resolved to in one hive.
     *
     * @param key     the key, or null when not found
     * @param notes   what a command should tell the user (the control set CurrentControlSet stands
     *                for, a case-insensitive name that several siblings match), without "note:"
     * @param failure why the key was not found (null when found), e.g.
     *                {@code no subkey "Nope" under ControlSet001\Services}
     */
    public record Resolution(Key key, List<String> notes, String failure) {
        public boolean found() {
            return key != null;
        }
    }

    /** Resolves {@code text} in {@code hive} (see the class comment for the rules). */
    public static Resolution resolve(Hive hive, String text) {
        return parse(text).resolve(hive);
    }

    /** Resolves this path in {@code hive}. */
    public Resolution resolve(Hive hive) {
        Key top = hive.root();
        if (names.size() > MAX_NAMES) {
            return fail("the path has " + names.size() + " names, more than " + MAX_NAMES);
        }
        int from = 0;
        if ((root != Root.NONE || computer) && !literal(top, 0)) {
            String refused = checkMount(hive, top);
            if (refused != null) {
                return fail(refused);
            }
            from = start;
        } else if (!names.isEmpty()) {
            int end = rootNameEnd(top);
            if (end > 0) {
                from = end;
            }
        }
        return new Resolver(top, from).run();
    }

    private static Resolution fail(String why) {
        return new Resolution(null, List.of(), why);
    }

    /** Whether names[i..] begin with a subkey of {@code k} (a '/' reading included). */
    private boolean literal(Key k, int i) {
        if (i >= names.size()) {
            return false;
        }
        for (int j = lastJoinable(i); j >= i; j--) {
            if (k.subkey(join(i, j)) != null) {
                return true;
            }
        }
        return false;
    }

    /** One past the names that spell the root key's own name, or 0 (a subkey of that name wins). */
    private int rootNameEnd(Key top) {
        for (int j = lastJoinable(0); j >= 0; j--) {
            String s = join(0, j);
            if (top.hasName(s)) {
                return literal(top, 0) ? 0 : j + 1;
            }
        }
        return 0;
    }

    /** The last index j such that names i..j are joined by '/' only. */
    private int lastJoinable(int i) {
        int j = i;
        while (j + 1 < names.size() && separators.get(j + 1).indexOf('\\') < 0) {
            j++;
        }
        return j;
    }

    /** names i..j with the separators typed between them. */
    private String join(int i, int j) {
        if (i == j) {
            return names.get(i);
        }
        StringBuilder sb = new StringBuilder(names.get(i));
        for (int k = i + 1; k <= j; k++) {
            sb.append(separators.get(k)).append(names.get(k));
        }
        return sb.toString();
    }

    /** The prefix as typed, e.g. {@code HKLM\SOFTWARE}. */
    private String prefixText() {
        return rootAlias + (mount == null ? "" : "\\" + Echo.capped(mount));
    }

    // ------------------------------------------------------------------ what the hive says it is

    /** Kinds of hive by the names Windows gives their files, with where each is mounted. */
    enum Kind {
        SYSTEM("SYSTEM"), SOFTWARE("SOFTWARE"), SAM("SAM"), SECURITY("SECURITY"), COMPONENTS("COMPONENTS"),
        DRIVERS("DRIVERS"), ELAM("ELAM"), CLUSTER("Cluster"), BCD("BCD00000000"),
        USER(null), CLASSES(null);

        /** The HKLM mount point, null for the user hives. */
        final String mount;

        Kind(String mount) {
            this.mount = mount;
        }

        boolean machine() {
            return mount != null;
        }

        /** The kind a file name (up to its first '.') says, or null. */
        static Kind ofFileName(String stem) {
            return switch (stem.toUpperCase(Locale.ROOT)) {
                case "SYSTEM" -> SYSTEM;
                case "SOFTWARE" -> SOFTWARE;
                case "SAM" -> SAM;
                case "SECURITY" -> SECURITY;
                case "COMPONENTS" -> COMPONENTS;
                case "DRIVERS" -> DRIVERS;
                case "ELAM" -> ELAM;
                case "CLUSDB" -> CLUSTER;
                case "BCD" -> BCD;
                case "NTUSER", "DEFAULT" -> USER;
                case "USRCLASS" -> CLASSES;
                default -> null;
            };
        }

        /** The machine kind mounted at HKLM\{@code mount}, or null. */
        static Kind ofMount(String mount) {
            for (Kind k : values()) {
                if (k.mount != null && k.mount.equalsIgnoreCase(mount)) {
                    return k;
                }
            }
            return null;
        }

        String label() {
            return switch (this) {
                case USER -> "a user hive (NTUSER.DAT, DEFAULT)";
                case CLASSES -> "a classes hive (UsrClass.dat)";
                case CLUSTER -> "the cluster hive (CLUSDB)";
                case BCD -> "the boot configuration hive (BCD)";
                default -> "the " + mount + " hive";
            };
        }

        /** As {@link #label}, without the file names (they follow in the message). */
        String shortLabel() {
            return switch (this) {
                case USER -> "a user hive";
                case CLASSES -> "a classes hive";
                case CLUSTER -> "the cluster hive";
                case BCD -> "the boot configuration hive";
                default -> label();
            };
        }
    }

    /** What the hive says it is: its file name and its base block's file name, each read as a kind. */
    record Identity(Set<Kind> kinds, String evidence) {
        static Identity of(Hive hive) {
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            List<String> said = new ArrayList<>();
            String file = lastName(hive.name());
            Kind byFile = Kind.ofFileName(stem(file));
            if (byFile != null) {
                kinds.add(byFile);
                said.add("file name " + file);
            }
            String inHeader = hive.header().fileName();
            Kind byHeader = Kind.ofFileName(stem(lastName(inHeader)));
            if (byHeader != null) {
                kinds.add(byHeader);
                said.add("base block file name " + inHeader);
            }
            return new Identity(kinds, String.join("; ", said));
        }

        String describe() {
            List<String> labels = new ArrayList<>();
            for (Kind k : kinds) {
                labels.add(k.shortLabel());
            }
            return String.join(" or ", labels) + " (" + evidence + ")";
        }
    }

    private static String lastName(String path) {
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(cut + 1);
    }

    private static String stem(String fileName) {
        int dot = fileName.indexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /** Null when the root alias and mount point may name this hive, else why not. */
    private String checkMount(Hive hive, Key top) {
        if (root == Root.VIEW) {
            return rootAlias + " is a view that merges several hives, not one hive: give the path in the hive "
                    + "that holds the key (HKEY_CLASSES_ROOT: HKLM\\SOFTWARE\\Classes or HKU\\<SID>_Classes; "
                    + "HKEY_CURRENT_CONFIG: HKLM\\SYSTEM\\CurrentControlSet\\Hardware Profiles\\Current)";
        }
        if (root == Root.HKLM && mount == null) {
            return rootAlias + " alone names no hive: add where this one is mounted, e.g. " + rootAlias
                    + "\\SYSTEM";
        }
        if (root == Root.HKU && mount == null) {
            return rootAlias + " alone names no hive: add the user's SID (or .DEFAULT, or SID_Classes)";
        }
        if (mount != null && top.hasName(mount)) {
            return null; // the root key's own name
        }
        Identity id = Identity.of(hive);
        if (id.kinds().isEmpty()) {
            return null; // the file says nothing: any mount point
        }
        Kind wanted;
        if (root == Root.HKLM) {
            wanted = Kind.ofMount(mount);
            if (wanted == null) {
                return null; // a load point (reg load HKLM\Temp FILE)
            }
        } else if (root == Root.HKU && mount.length() > 8
                && mount.regionMatches(true, mount.length() - 8, "_Classes", 0, 8)) {
            wanted = Kind.CLASSES;
        } else {
            wanted = Kind.USER; // HKCU, HKU\SID, HKU\.DEFAULT, HKU\<load point>
        }
        return id.kinds().contains(wanted) ? null
                : prefixText() + " names " + wanted.label() + ", but this file is " + id.describe();
    }

    // ------------------------------------------------------------------ the walk

    /** Resolution below the root: '/' readings longest first, with backtracking, memo and budget. */
    private final class Resolver {
        private final Key top;
        private final int from;
        private int lookups;
        private final Set<Long> failed = new HashSet<>();
        /** The chosen step per name index on the current branch. */
        private final List<Step> steps = new ArrayList<>();
        private List<Step> found;
        private String fatal;
        private String ccsNote;
        // the deepest place where no reading went on: where, under which key, what was tried
        private int failAt = -1;
        private Key failUnder;
        private List<String> failNames;

        Resolver(Key top, int from) {
            this.top = top;
            this.from = from;
        }

        Resolution run() {
            Key k = descend(top, from) ? last() : null;
            if (k != null) {
                List<String> notes = new ArrayList<>();
                if (ccsNote != null) {
                    notes.add(ccsNote);
                }
                for (Step s : found) {
                    if (s.ambiguous() > 1) {
                        notes.add(where(s.parent()) + " has " + s.ambiguous() + " subkeys named \"" + s.typed()
                                + "\" ignoring case; the first listed, \"" + s.key().name() + "\", is used (type the "
                                + "exact name to reach another)");
                    }
                }
                return new Resolution(k, List.copyOf(notes), null);
            }
            if (fatal != null) {
                return fail(fatal);
            }
            if (failNames == null) {
                return fail("no such key");
            }
            // the names as typed, each capped: the error line shows the path they come from too
            List<String> typed = failNames.stream().map(Echo::capped).toList();
            String what = switch (typed.size()) {
                case 1 -> "\"" + typed.get(0) + "\"";
                case 2, 3 -> "\"" + String.join("\" or \"", typed) + "\"";
                default -> "\"" + typed.get(0) + "\" nor any of its " + (typed.size() - 1)
                        + " shorter readings down to \"" + typed.get(typed.size() - 1) + "\"";
            };
            return fail("no subkey " + what + " under " + where(failUnder));
        }

        private Key last() {
            return found.isEmpty() ? top : found.get(found.size() - 1).key();
        }

        /** Whether names[i..] resolve below {@code k}; the chosen steps end up in {@link #found}. */
        private boolean descend(Key k, int i) {
            if (i >= names.size()) {
                found = List.copyOf(steps);
                return true;
            }
            long memo = ((long) i << 32) | k.cellOffset();
            if (failed.contains(memo)) {
                return false;
            }
            if (++lookups > MAX_LOOKUPS) {
                fatal = "the path's '/' separators allow more readings than " + MAX_LOOKUPS
                        + " key searches; use '\\' between names";
                return false;
            }
            List<Reading> readings = readings(k, i);
            boolean any = false;
            for (Reading r : readings) {
                Key child = r.key();
                if (child == null && k == top && i == from && r.name().equalsIgnoreCase("CurrentControlSet")) {
                    child = currentControlSet();
                    if (child == null) {
                        return false; // fatal says why
                    }
                }
                if (child == null) {
                    continue;
                }
                any = true;
                steps.add(new Step(k, r.name(), child, r.ambiguous()));
                if (descend(child, r.end() + 1)) {
                    return true;
                }
                steps.remove(steps.size() - 1);
                if (fatal != null) {
                    return false;
                }
            }
            failed.add(memo);
            if (!any && i > failAt) {
                failAt = i;
                failUnder = k;
                failNames = readings.stream().map(Reading::name).toList();
            }
            return false;
        }

        /**
         * The readings of names[i..] under {@code k}, longest first: each run of '/'-joined names and the
         * subkey it names (exact case first, else the first listed; null if none). One name costs one
         * lookup; several cost one pass over the subkeys.
         */
        private List<Reading> readings(Key k, int i) {
            int last = lastJoinable(i);
            List<String> joins = new ArrayList<>();
            for (int j = i; j <= last; j++) {
                String s = join(i, j);
                if (s.length() > MAX_NAME) {
                    break; // no key name is longer
                }
                joins.add(s);
            }
            if (joins.isEmpty()) {
                joins.add(names.get(i));
            }
            List<Reading> out = new ArrayList<>(joins.size());
            if (joins.size() == 1) {
                String name = joins.get(0);
                Key child = k.subkey(name);
                int ambiguous = child == null || child.hasExactName(name) ? 0 : k.subkeysNamed(name).size();
                out.add(new Reading(i, name, child, ambiguous));
                return out;
            }
            java.util.Map<String, Integer> wanted = new java.util.HashMap<>();
            for (int n = 0; n < joins.size(); n++) {
                wanted.putIfAbsent(upcase(joins.get(n)), n);
            }
            List<List<Key>> matches = new ArrayList<>();
            for (int n = 0; n < joins.size(); n++) {
                matches.add(new ArrayList<>(0));
            }
            for (Key c : k.subkeys()) {
                Integer n = wanted.get(upcase(c.storedName()));
                if (n == null) {
                    n = wanted.get(upcase(c.name()));
                }
                if (n != null) {
                    matches.get(n).add(c);
                }
            }
            for (int n = joins.size() - 1; n >= 0; n--) {
                String name = joins.get(n);
                List<Key> m = matches.get(n);
                Key chosen = null;
                for (Key c : m) {
                    if (c.hasExactName(name)) {
                        chosen = c;
                        break;
                    }
                }
                int ambiguous = 0;
                if (chosen == null && !m.isEmpty()) {
                    chosen = m.get(0);
                    ambiguous = m.size();
                }
                out.add(new Reading(i + n, name, chosen, ambiguous));
            }
            return out;
        }

        /** ControlSet00N from Select\Current, or null with {@link #fatal} set. */
        private Key currentControlSet() {
            Key select = top.subkey("Select");
            String why = null;
            Key set = null;
            if (select == null) {
                why = "the hive has no Select key";
            } else {
                Value v = select.value("Current");
                if (v == null) {
                    why = "Select has no Current value";
                } else if (v.typeCode() != ValueType.REG_DWORD.code() || v.data().length != 4) {
                    why = "Select\\Current is " + ValueType.name(v.typeCode()) + " of " + v.data().length
                            + " bytes, not a 4-byte REG_DWORD";
                } else {
                    long n = v.decoded().number();
                    String setName = String.format("ControlSet%03d", n);
                    set = top.subkey(setName);
                    if (set == null) {
                        why = "Select\\Current = " + n + " names " + setName + ", which is not in the hive";
                    } else {
                        ccsNote = "CurrentControlSet is " + set.name() + " (Select\\Current = " + n + ")";
                    }
                }
            }
            if (why != null) {
                fatal = "CurrentControlSet cannot be resolved: " + why;
            }
            return set;
        }

        private String where(Key k) {
            return k.isRoot() ? "the root key" : k.path().substring(1);
        }
    }

    /** A reading of the names from the current one to {@code end}: their '/'-joined text and the subkey it names. */
    private record Reading(int end, String name, Key key, int ambiguous) {
    }

    /** Windows' uppercase of every code unit. */
    private static String upcase(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = WindowsUpcase.upcase(c[i]);
        }
        return new String(c);
    }

    /** One name resolved: under {@code parent}, {@code typed} chose {@code key} ({@code ambiguous}: matches ignoring case, 0 if exact). */
    private record Step(Key parent, String typed, Key key, int ambiguous) {
    }
}
