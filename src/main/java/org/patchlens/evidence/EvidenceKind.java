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
    UNRELATED("not evidence"),
    /** Not a file: what a limit of the folder walk left unlooked at (a folder too deep, the files past the cap). */
    NOT_WALKED("not looked at (a limit of the folder walk)");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** An ESE file (database, patch, checkpoint, log) or saved eseutil output about one. */
    public boolean isEse() {
        return this == ESE_DATABASE || this == ESE_PATCH || this == ESE_CHECKPOINT || this == ESE_LOG
                || this == ESEUTIL_TEXT;
    }

    public boolean isHive() {
        return this == SYSTEM_HIVE || this == SOFTWARE_HIVE || this == CLUSTER_HIVE || this == REGISTRY_CHECKPOINT
                || this == OTHER_HIVE;
    }
}
