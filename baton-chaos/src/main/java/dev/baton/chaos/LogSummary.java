package dev.baton.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The worker logs' warnings and errors, grouped by logger and message with the numbers taken out, most
 * frequent first: what Baton said under the faults, in a few lines of the report.
 */
final class LogSummary {

    private static final Pattern LINE = Pattern.compile("^[0-9:.]+ \\[[^\\]]+\\] (WARN|ERROR) (\\S+) - (.*)$");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern OBJECT = Pattern.compile("@[0-9a-f]{4,}");
    private static final int WIDTH = 170;
    private static final int TOP = 12;

    private LogSummary() {}

    static List<String> of(Path logs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("chaos-w")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = LINE.matcher(line);
                    if (m.matches()) {
                        counts.merge(m.group(1) + " " + m.group(2) + " - " + normalized(m.group(3)), 1, Integer::sum);
                    } else if (line.startsWith("Exception in thread")) {
                        counts.merge("UNCAUGHT " + normalized(line), 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            return List.of("worker logs unreadable: " + e);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP)
                .map(e -> String.format("%5d x %s", e.getValue(), e.getKey()))
                .toList();
    }

    private static String normalized(String message) {
        String text = NUMBER.matcher(OBJECT.matcher(message).replaceAll("@X")).replaceAll("N");
        return text.length() <= WIDTH ? text : text.substring(0, WIDTH) + "...";
    }
}
