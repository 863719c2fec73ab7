package dev.baton;

import dev.baton.spi.JobStore;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A store for tests of what must not reach a store: every call is recorded, then refused. A proxy, so
 * that it covers every SPI operation, present and future.
 */
final class UntouchableStore {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final JobStore proxy = (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(),
            new Class<?>[] {JobStore.class}, (self, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> "UntouchableStore";
                    };
                }
                calls.add(method.getName());
                throw new UnsupportedOperationException(method.getName() + " must not be called in this test");
            });

    /** The store to hand to the code under test. */
    JobStore store() {
        return proxy;
    }

    /** The operations called so far, by name. */
    List<String> calls() {
        return List.copyOf(calls);
    }
}
