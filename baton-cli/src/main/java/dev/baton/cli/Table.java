package dev.baton.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell. */
final class Table {

    private static final int GAP = 2;

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    void add(String... cells) {
        rows.add(cells);
    }

    void print(PrintWriter out) {
        lines().forEach(out::println);
    }

    /** The header first, then the rows, without trailing blanks. */
    List<String> lines() {
        int[] widths = widths();
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = row[i] == null ? "" : row[i];
                line.append(cell);
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + GAP));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Where a column starts in {@link #lines()}: for a title line over a group of columns. */
    int offset(int column) {
        int[] widths = widths();
        int offset = 0;
        for (int i = 0; i < column; i++) {
            offset += widths[i] + GAP;
        }
        return offset;
    }

    private int[] widths() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i] == null ? 0 : row[i].length());
            }
        }
        return widths;
    }
}
