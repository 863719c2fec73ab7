package dev.baton.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Downcast;
import dev.baton.Downcaster;
import dev.baton.JobDefinitionException;
import dev.baton.Upcast;
import dev.baton.Upcaster;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

/**
 * The casters a job record declares on itself with {@link Upcast} and {@link Downcast}: static methods
 * taking one {@code ObjectNode}. Found by reflection, so the runtime and {@code baton check} see the same.
 */
public final class DeclaredCasters {

    private final Map<Integer, Upcaster> upcasters = new TreeMap<>();
    private final Map<Integer, Downcaster> downcasters = new TreeMap<>();

    private DeclaredCasters() {}

    /** @throws JobDefinitionException for an annotated method of the wrong shape, or two for one version */
    public static DeclaredCasters of(Class<?> recordClass) {
        DeclaredCasters casters = new DeclaredCasters();
        for (Method method : recordClass.getDeclaredMethods()) {
            Upcast up = method.getAnnotation(Upcast.class);
            Downcast down = method.getAnnotation(Downcast.class);
            if (up == null && down == null) {
                continue;
            }
            if (up != null && down != null) {
                throw new JobDefinitionException(recordClass, method.getName() + " is both @Upcast and @Downcast; a "
                        + "method converts in one direction");
            }
            requireShape(recordClass, method);
            method.setAccessible(true);
            if (up != null) {
                put(recordClass, casters.upcasters, up.from(), "@Upcast", method, payload -> invoke(method, payload));
            } else {
                put(recordClass, casters.downcasters, down.from(), "@Downcast", method, payload -> invoke(method, payload));
            }
        }
        return casters;
    }

    public Map<Integer, Upcaster> upcasters() {
        return Map.copyOf(upcasters);
    }

    public Map<Integer, Downcaster> downcasters() {
        return Map.copyOf(downcasters);
    }

    private interface Caster extends Upcaster, Downcaster {}

    private static <C> void put(Class<?> type, Map<Integer, C> into, int from, String kind, Method method, Caster caster) {
        @SuppressWarnings("unchecked")
        C previous = into.put(from, (C) caster);
        if (previous != null) {
            throw new JobDefinitionException(type, "two " + kind + " methods read version " + from + "; keep one");
        }
    }

    private static void requireShape(Class<?> type, Method method) {
        boolean shaped = Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == ObjectNode.class
                && (method.getReturnType() == void.class || method.getReturnType() == ObjectNode.class);
        if (!shaped) {
            throw new JobDefinitionException(type, method.getName() + " is a caster but not of the form "
                    + "'static void " + method.getName() + "(ObjectNode payload)': casters change the payload in place");
        }
    }

    private static void invoke(Method method, ObjectNode payload) {
        try {
            method.invoke(null, payload);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(method.getName() + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method.getName(), e);
        }
    }
}
