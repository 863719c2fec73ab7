package dev.baton.chaos;

import dev.baton.BatonInspector;
import dev.baton.spi.JobCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Baton's own job counts per state, printed beside the record's numbers as a cross-check. */
final class BatonView {

    private BatonView() {}

    static List<String> of(BatonInspector inspector) {
        List<String> lines = new ArrayList<>();
        for (String type : List.of("chaos-plain", "chaos-tx")) {
            try {
                Map<String, Long> byState = new TreeMap<>();
                for (JobCount count : inspector.versions(type)) {
                    byState.merge(count.state().toString().toLowerCase(Locale.ROOT), count.count(), Long::sum);
                }
                lines.add(type + " " + byState);
            } catch (RuntimeException e) {
                lines.add(type + " unreadable: " + e.getMessage());
            }
        }
        return lines;
    }
}
