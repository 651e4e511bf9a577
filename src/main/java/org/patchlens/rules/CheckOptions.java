package org.patchlens.rules;

/**
 * The facts an operator gives that no file holds.
 *
 * @param restoreType    AUTO (decide from the evidence), ONLINE or OFFLINE
 * @param rollForward    with OFFLINE: later logs are to be replayed (offline-rollforward), else point in time
 * @param envLine        the SET line typed (or planned) before isinteg -patch; "none" if none; null if not given
 * @param isintegVersion a.b.c.d of the isinteg.exe used, or null
 * @param exchangeSp     Exchange build or service pack as given (e.g. "2653" or "SP4"), or null
 * @param startVia       SERVICES or CLUSTER_ADMIN, or null if not given
 * @param isintegRuns    how many times isinteg -patch was run, or -1 if not given
 * @param stage          the point of the restore at which the evidence was copied (--stage), or null for auto:
 *                       decided from the evidence
 */
public record CheckOptions(RestoreType restoreType, boolean rollForward, String expectOrg, String expectSite,
                           String expectServer, String envLine, String isintegVersion, String exchangeSp,
                           StartVia startVia, int isintegRuns, Stage stage) {

    public enum RestoreType { AUTO, ONLINE, OFFLINE }

    public enum StartVia { SERVICES, CLUSTER_ADMIN }

    public static final CheckOptions NONE = new CheckOptions(RestoreType.AUTO, false, null, null, null, null, null,
            null, null, -1, null);

    /** Without --stage: the stage is decided from the evidence. */
    public CheckOptions(RestoreType restoreType, boolean rollForward, String expectOrg, String expectSite,
                        String expectServer, String envLine, String isintegVersion, String exchangeSp,
                        StartVia startVia, int isintegRuns) {
        this(restoreType, rollForward, expectOrg, expectSite, expectServer, envLine, isintegVersion, exchangeSp,
                startVia, isintegRuns, null);
    }

    /**
     * An {@code --expect-org}, {@code --expect-site} or {@code --expect-server} value as the rules compare it: a blank
     * one names nothing (IN-06 reports it) and is taken as not given, never as a name the evidence differs from.
     */
    static String expectedName(String given) {
        return given == null || given.isBlank() ? null : given;
    }
}
