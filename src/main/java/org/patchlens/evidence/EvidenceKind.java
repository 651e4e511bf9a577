package org.patchlens.evidence;

/** What a file is, decided from its content. */
public enum EvidenceKind {
    SYSTEM_HIVE("SYSTEM hive"),
    SOFTWARE_HIVE("SOFTWARE hive"),
    CLUSTER_HIVE("cluster hive"),
    REGISTRY_CHECKPOINT("registry checkpoint (.CPT hive)"),
    OTHER_HIVE("registry hive"),
    HIVE_LOG("hive transaction log"),
    ESE_DATABASE("ESE database"),
    ESE_PATCH("ESE patch file"),
    ESE_CHECKPOINT("ESE checkpoint file"),
    ESE_LOG("ESE log file"),
    ESEUTIL_TEXT("eseutil output"),
    UNREADABLE("unreadable"),
    UNRELATED("not evidence");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isHive() {
        return this == SYSTEM_HIVE || this == SOFTWARE_HIVE || this == CLUSTER_HIVE || this == REGISTRY_CHECKPOINT
                || this == OTHER_HIVE;
    }
}
