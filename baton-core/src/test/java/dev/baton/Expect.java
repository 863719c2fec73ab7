package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Catches an exception a test requires, failing the test when none or another kind is thrown. */
public final class Expect {

    private Expect() {}

    public static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("thrown exception").isInstanceOf(type);
        return type.cast(thrown);
    }
}
