package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

/**
 * The Exchange Server 5.5 server as its SYSTEM hive describes it, per control set: what {@code patchlens check}
 * reads through {@code model.SystemView}, laid out for an examiner. Every value of the parameter keys of the
 * four core services (MSExchangeSA, DS, IS System/Private/Public, MTA), each with a category (identity,
 * database, logs, working directory, GUID, setting); the Start of each core service and of the cluster service;
 * and a machine-wide {@code _CLUSTER_NETWORK_NAME_} variable (KB Q178311: it belongs only in the prompt that
 * runs isinteg). 16-byte binary values named like a GUID are read as GUIDs ({@code kaitai/artifacts/windows_guid.ksy}).
 */
final class Exchange55Server implements Plugin {
    static final Spec SPEC = Spec.of("exchange55_server", "", HiveType.SYSTEM, "Exchange 5.5 server",
            "per control set: the MSExchangeSA/DS/IS/MTA parameter values (identity, database and log paths, "
                    + "GUIDs, settings), service start types, a machine-wide _CLUSTER_NETWORK_NAME_",
            FieldSpec.text("category", "identity, database, logs, working directory, GUID, start type, cluster "
                    + "network name or setting (from the value's name; offset: its vk cell)"),
            FieldSpec.text("data", "the value: text as stored, a number, a start type (\"3 (manual)\"), a GUID "
                    + "({XXXXXXXX-...})"))
            .checked("no regipy plugin; the demo evidence (testdata/demo/NODE1/system32/config/SYSTEM) as patchlens "
                    + "check reads it (Exchange55ServerTest)");

    private static final List<String> PARAMETER_KEYS = List.of("MSExchangeSA\\Parameters", "MSExchangeDS\\Parameters",
            "MSExchangeIS\\ParametersSystem", "MSExchangeIS\\ParametersPrivate", "MSExchangeIS\\ParametersPublic",
            "MSExchangeMTA\\Parameters");
    private static final List<String> SERVICES = List.of("MSExchangeSA", "MSExchangeDS", "MSExchangeIS",
            "MSExchangeMTA", "ClusSvc");
    private static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("enterprise", "identity"), Map.entry("site", "identity"), Map.entry("server", "identity"),
            Map.entry("this server", "identity"), Map.entry("dsa computer", "identity"),
            Map.entry("mta computer", "identity"), Map.entry("x500 dn", "identity"),
            Map.entry("db path", "database"), Map.entry("dsa database file", "database"),
            Map.entry("db log path", "logs"), Map.entry("database log files path", "logs"),
            Map.entry("working directory", "working directory"), Map.entry("dsa working directory", "working directory"));
    private static final String[] START = {"boot", "system", "automatic", "manual", "disabled"};

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            Key services = cs.subkey("Services");
            if (services == null) {
                continue;
            }
            for (String name : SERVICES) {
                Key s = services.subkey(name);
                Value start = s == null ? null : s.value("Start");
                if (start != null) {
                    Entry.Builder b = Entry.of(SPEC, s).value(start).text("category", "start type", start.fileOffset());
                    Values.Number n = Values.number(start);
                    if (n.note() != null) {
                        b.note(n.note());
                    }
                    if (n.ok()) {
                        b.text("data", n.value() + " (" + (n.value() >= 0 && n.value() < START.length
                                ? START[(int) n.value()] : "unknown") + ")", Values.dataOffset(start));
                    }
                    out.add(b.build());
                }
            }
            for (String path : PARAMETER_KEYS) {
                Key k = HiveContext.below(services, path);
                if (k != null) {
                    for (Value v : k.values()) {
                        out.add(parameter(k, v));
                    }
                }
            }
            Key env = HiveContext.below(cs, "Control\\Session Manager\\Environment");
            if (env != null) {
                for (Value v : env.values()) {
                    String n = v.name().toUpperCase(Locale.ROOT).replace(" ", "");
                    if (n.contains("CLUSTER_NETWORK_NAME") || n.contains("CLUSTERNETWORKNAME")) {
                        out.add(Entry.of(SPEC, env).value(v).text("category", "cluster network name", v.fileOffset())
                                .string("data", v).build());
                    }
                }
            }
        }
        return out;
    }

    private static Entry parameter(Key k, Value v) {
        String lower = v.name().toLowerCase(Locale.ROOT);
        boolean guid = lower.contains("guid");
        String category = guid ? "GUID" : CATEGORIES.getOrDefault(lower, "setting");
        Entry.Builder b = Entry.of(SPEC, k).value(v).text("category", category, v.fileOffset());
        if (guid && v.typeCode() == ValueType.REG_BINARY.code()) {
            Structs.GuidData g = Structs.guid(v.data());
            if (g.problem() != null) {
                b.note(Values.at(v) + ": " + g.problem());
            }
            if (g.text() != null) {
                return b.text("data", g.text(), Values.dataOffset(v)).build();
            }
        }
        return b.text("data", Values.shown(v), Values.dataOffset(v)).build();
    }
}
