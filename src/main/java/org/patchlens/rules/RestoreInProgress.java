package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** A live Restore in Progress key (either spelling) of the IS or the DS, as the RIP, CLU and ESE rules read it. */
record RestoreInProgress(String service, Key key, String file) {

    /** The keys present, IS first. */
    static List<RestoreInProgress> present(CheckContext c) {
        List<RestoreInProgress> out = new ArrayList<>();
        if (c.system().isEmpty()) {
            return out;
        }
        for (String svc : List.of("MSExchangeIS", "MSExchangeDS")) {
            Key k = c.restoreInProgress(svc);
            if (k != null) {
                out.add(new RestoreInProgress(svc, k, c.system().get().file()));
            }
        }
        return out;
    }

    String path() {
        return key.path().substring(1);
    }

    Optional<RegValue> value(String name) {
        Value v = key.value(name);
        return v == null ? Optional.empty() : Optional.of(RegValue.of(file, path(), key, v));
    }

    /** A REG_DWORD value as an unsigned number, or -1 when it is missing or not a DWORD. */
    long dword(String name) {
        return value(name).map(RegValue::dword).orElse(-1L);
    }

    Source keySource() {
        return new Source(file, path(), key.fileOffset());
    }
}
