package org.patchlens.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The cluster database (a CLUSDB file or a quorum {@code chk*.tmp} snapshot) read from its
 * hive: groups, resources, resource types and nodes. The Exchange group is found by its
 * Generic Service resources' {@code Parameters\ServiceName}, never by display name.
 */
public final class ClusterModel {
    /** The four core Exchange 5.5 services. */
    public static final List<String> CORE_SERVICES = List.of("MSExchangeSA", "MSExchangeDS", "MSExchangeIS",
            "MSExchangeMTA");

    private final String file;
    private final Hive hive;
    private final Map<String, Group> groups;
    private final Map<String, Resource> resources;
    private final Map<String, Node> nodes;
    private final List<String> resourceTypes;
    private final long rootLastWritten;

    /** A cluster group: its GUID key name, display name and member resource GUIDs (from Contains). */
    public record Group(String guid, String name, List<String> contains, Key key) {
    }

    /** A node: its ID (key name) and NodeName. */
    public record Node(String id, String name) {
    }

    /** One registry checkpoint entry of a resource: RegSync value name (00000001) and HKLM-relative path. */
    public record Checkpoint(String valueName, String path, long valueFileOffset, String keyPath) {
    }

    /**
     * A resource: GUID, display name, type, dependencies, possible owners, private properties
     * (Parameters values as text) and its registry checkpoint list.
     */
    public record Resource(String guid, String name, String type, List<String> dependsOn,
                           List<String> possibleOwners, Map<String, String> parameters, List<Checkpoint> checkpoints,
                           Key key) {
        /** Parameters\ServiceName for a Generic Service, else null. */
        public String serviceName() {
            return parameter("ServiceName");
        }

        public String parameter(String name) {
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        public boolean isType(String t) {
            return type != null && type.equalsIgnoreCase(t);
        }
    }

    private ClusterModel(String file, Hive hive) {
        this.file = file;
        this.hive = hive;
        Key base = base(hive);
        this.rootLastWritten = hive.root().lastWrittenRaw();
        this.groups = new LinkedHashMap<>();
        this.resources = new LinkedHashMap<>();
        this.nodes = new LinkedHashMap<>();
        this.resourceTypes = new ArrayList<>();
        Key g = base.subkey("Groups");
        if (g != null) {
            for (Key k : g.subkeys()) {
                groups.put(upper(k.name()), new Group(k.name(), text(k, "Name"), lines(k, "Contains"), k));
            }
        }
        Key r = base.subkey("Resources");
        if (r != null) {
            for (Key k : r.subkeys()) {
                resources.put(upper(k.name()), resource(k));
            }
        }
        Key n = base.subkey("Nodes");
        if (n != null) {
            for (Key k : n.subkeys()) {
                nodes.put(upper(k.name()), new Node(k.name(), text(k, "NodeName")));
            }
        }
        Key t = base.subkey("ResourceTypes");
        if (t != null) {
            for (Key k : t.subkeys()) {
                resourceTypes.add(k.name());
            }
        }
    }

    /** Reads the model; the hive must be a cluster hive ({@link #isClusterHive}). */
    public static ClusterModel read(Hive hive, String file) {
        return new ClusterModel(file, hive);
    }

    private static Key base(Hive hive) {
        Key root = hive.root();
        if (root.subkey("Resources") == null) {
            Key p = root.subkey("Parameters");
            if (p != null && p.subkey("Resources") != null) {
                return p;
            }
        }
        return root;
    }

    private Resource resource(Key k) {
        Map<String, String> params = new LinkedHashMap<>();
        Key p = k.subkey("Parameters");
        if (p != null) {
            for (Value v : p.values()) {
                params.put(v.name(), render(v));
            }
        }
        List<Checkpoint> cps = new ArrayList<>();
        Key rs = k.subkey("RegSync");
        if (rs != null) {
            for (Value v : rs.values()) {
                DecodedValue d = v.decoded();
                if (d.kind() == DecodedValue.Kind.STRING) {
                    cps.add(new Checkpoint(v.name(), d.text(), v.fileOffset(), rs.path().substring(1)));
                }
            }
        }
        return new Resource(k.name(), text(k, "Name"), text(k, "Type"), lines(k, "DependsOn"),
                lines(k, "PossibleOwners"), params, List.copyOf(cps), k);
    }

    private static String render(Value v) {
        DecodedValue d = v.decoded();
        return switch (d.kind()) {
            case STRING -> d.text();
            case MULTI_STRING -> String.join("\n", d.strings());
            case NUMBER -> Long.toUnsignedString(d.number());
            case BINARY -> java.util.HexFormat.of().formatHex(v.data());
        };
    }

    /** A string value (REG_SZ with or without a NUL), or null. */
    static String text(Key k, String name) {
        Value v = k.value(name);
        return v == null ? null : render(v);
    }

    /** A REG_MULTI_SZ (or a single REG_SZ) as its non-empty entries. */
    static List<String> lines(Key k, String name) {
        Value v = k.value(name);
        if (v == null) {
            return List.of();
        }
        DecodedValue d = v.decoded();
        List<String> src = d.kind() == DecodedValue.Kind.MULTI_STRING ? d.strings()
                : d.kind() == DecodedValue.Kind.STRING ? List.of(d.text()) : List.of();
        return src.stream().filter(s -> !s.isEmpty()).toList();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    public String file() {
        return file;
    }

    public Hive hive() {
        return hive;
    }

    /** Last-written time of the hive's root key (raw FILETIME), used to tell the newest copy. */
    public long rootLastWritten() {
        return rootLastWritten;
    }

    public List<Group> groups() {
        return List.copyOf(groups.values());
    }

    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<String> resourceTypes() {
        return List.copyOf(resourceTypes);
    }

    public Optional<Resource> resource(String guid) {
        return Optional.ofNullable(resources.get(upper(strip(guid))));
    }

    private static String strip(String guid) {
        return guid.trim();
    }

    /** The Generic Service resources running one of the core Exchange services, by service name. */
    public Map<String, Resource> exchangeServices() {
        Map<String, Resource> out = new LinkedHashMap<>();
        for (Resource r : resources.values()) {
            String svc = r.serviceName();
            if (r.isType("Generic Service") && svc != null) {
                for (String core : CORE_SERVICES) {
                    if (core.equalsIgnoreCase(svc.trim())) {
                        out.putIfAbsent(core, r);
                    }
                }
            }
        }
        return out;
    }

    /** Every Generic Service resource whose service name starts with MSExchange. */
    public List<Resource> allExchangeResources() {
        return resources.values().stream().filter(r -> r.isType("Generic Service") && r.serviceName() != null
                && r.serviceName().toUpperCase(Locale.ROOT).startsWith("MSEXCHANGE")).toList();
    }

    /** The groups that contain a resource. */
    public List<Group> groupsOf(String resourceGuid) {
        return groups.values().stream().filter(g -> g.contains().stream()
                .anyMatch(c -> c.trim().equalsIgnoreCase(resourceGuid))).toList();
    }

    /** The group holding the core Exchange services (the one holding most of them). */
    public Optional<Group> exchangeGroup() {
        Group best = null;
        int bestCount = 0;
        Set<String> guids = new java.util.HashSet<>();
        exchangeServices().values().forEach(r -> guids.add(upper(r.guid())));
        for (Group g : groups.values()) {
            int n = (int) g.contains().stream().filter(c -> guids.contains(upper(c.trim()))).count();
            if (n > bestCount) {
                best = g;
                bestCount = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The members of a group that are known resources. */
    public List<Resource> members(Group g) {
        List<Resource> out = new ArrayList<>();
        for (String c : g.contains()) {
            resource(c).ifPresent(out::add);
        }
        return out;
    }

    /** The Network Name resources of the Exchange group. */
    public List<Resource> networkNames() {
        return exchangeGroup().map(g -> members(g).stream().filter(r -> r.isType("Network Name")).toList())
                .orElse(List.of());
    }

    /** The Exchange virtual server name: Parameters\Name of the Exchange group's Network Name. */
    public Optional<String> virtualServerName() {
        return networkNames().stream().map(r -> r.parameter("Name")).filter(n -> n != null && !n.isBlank())
                .findFirst();
    }

    /** The Network Name resource providing the virtual server name. */
    public Optional<Resource> virtualServerResource() {
        return networkNames().stream().filter(r -> r.parameter("Name") != null).findFirst();
    }
}
