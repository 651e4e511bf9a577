package org.patchlens.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.patchlens.model.Source;
import org.patchlens.report.Report.RegistryRow;

/**
 * Writes a report whose Registry sheet has {@code rows} rows, streamed from an iterator (never a
 * list), and prints "sheets=... peakHeapMiB=N". Run in a JVM with a small -Xmx by the scale test.
 */
public final class BigWorkbook {
    private BigWorkbook() {
    }

    static Iterable<RegistryRow> rows(long n) {
        return () -> new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public RegistryRow next() {
                long k = i++;
                return new RegistryRow("live SYSTEM", "ControlSet001\\Services\\MSExchangeIS\\K" + (k / 16),
                        "Value " + (k % 16), true, "REG_DWORD", Long.toString(k), String.format("%08x", k),
                        SampleReport.DRIFT_TIME + k, new Source("SYSTEM", "", 0x1000 + k * 24), "CLU-08", "");
            }
        };
    }

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        Report base = SampleReport.build(List.of());
        Report big = new Report(base.verdict(), base.findings(), base.remedies(), base.restore(), base.cluster(),
                base.evidence(), rows(n), base.clusterRows(), base.store(), base.logChain(), base.run());
        ReportWorkbook.Written w = ReportWorkbook.write(big, out, SampleReport.options(true));
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.println("sheets=" + String.join("|", w.sheets().get("Registry")) + " rows="
                + w.rows().get("Registry") + " peakHeapMiB=" + (peak >> 20) + " maxHeapMiB="
                + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
