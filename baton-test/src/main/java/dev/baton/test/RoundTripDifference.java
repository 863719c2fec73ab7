package dev.baton.test;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first place where a job read back from JSON differs from the job written. Record equality alone
 * would not do: it compares array components by identity, so every job with a byte[] would "differ".
 */
record RoundTripDifference(String path, Object before, Object after) {

    /** Null when the two are the same value. */
    static RoundTripDifference between(Object written, Object read) {
        return compare("", written, read);
    }

    private static RoundTripDifference compare(String path, Object a, Object b) {
        if (a == b) {
            return null;
        }
        if (a == null || b == null) {
            return new RoundTripDifference(path, a, b);
        }
        if (a instanceof BigDecimal da && b instanceof BigDecimal db) {
            // The codec keeps a decimal's digits, not its scale (1.10 reads back as 1.1): only a changed
            // value is a loss worth failing a test for.
            return da.compareTo(db) == 0 ? null : new RoundTripDifference(path, a, b);
        }
        if (a.getClass().isArray() && b.getClass().isArray()) {
            return compareArrays(path, a, b);
        }
        if (a instanceof Record && a.getClass() == b.getClass()) {
            return compareRecords(path, a, b);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            return compareLists(path, la, lb);
        }
        if (a instanceof Optional<?> oa && b instanceof Optional<?> ob) {
            return oa.isPresent() && ob.isPresent() ? compare(path, oa.get(), ob.get())
                    : oa.isPresent() == ob.isPresent() ? null : new RoundTripDifference(path, a, b);
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb && ma.keySet().equals(mb.keySet())) {
            for (Map.Entry<?, ?> entry : ma.entrySet()) {
                RoundTripDifference difference = compare(path + "[" + entry.getKey() + "]", entry.getValue(),
                        mb.get(entry.getKey()));
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return a.equals(b) ? null : new RoundTripDifference(path, a, b);
    }

    private static RoundTripDifference compareRecords(String path, Object a, Object b) {
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            String at = path.isEmpty() ? component.getName() : path + "." + component.getName();
            Method accessor = component.getAccessor();
            try {
                // Records nested in a test class are often not public; Jackson reads them the same way.
                accessor.setAccessible(true);
                RoundTripDifference difference = compare(at, accessor.invoke(a), accessor.invoke(b));
                if (difference != null) {
                    return difference;
                }
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                return Objects.equals(a, b) ? null : new RoundTripDifference(path, a, b);
            }
        }
        return null;
    }

    private static RoundTripDifference compareLists(String path, List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return new RoundTripDifference(path, a, b);
        }
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        for (int i = 0; ia.hasNext(); i++) {
            RoundTripDifference difference = compare(path + "[" + i + "]", ia.next(), ib.next());
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private static RoundTripDifference compareArrays(String path, Object a, Object b) {
        int length = Array.getLength(a);
        if (a.getClass() != b.getClass() || length != Array.getLength(b)) {
            return new RoundTripDifference(path, a, b);
        }
        for (int i = 0; i < length; i++) {
            RoundTripDifference difference = compare(path + "[" + i + "]", Array.get(a, i), Array.get(b, i));
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "the job" : "component \"" + path + "\"") + " was " + show(before)
                + " and reads back as " + show(after);
    }

    private static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.getClass().isArray() ? arrayText(value) : String.valueOf(value);
        return text + " (" + value.getClass().getSimpleName() + ")";
    }

    private static String arrayText(Object array) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < Array.getLength(array); i++) {
            text.append(i == 0 ? "" : ", ").append(Array.get(array, i));
        }
        return text.append(']').toString();
    }
}
