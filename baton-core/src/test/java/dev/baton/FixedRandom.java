package dev.baton;

import java.util.random.RandomGenerator;

/** A random source whose every {@code nextDouble()} is one chosen value in [0, 1), to pin the jitter. */
final class FixedRandom implements RandomGenerator {

    /** Draws 0.5, which spreads by nothing: the delay is the un-jittered one. */
    static final FixedRandom MIDDLE = new FixedRandom(0.5);

    private final double draw;

    FixedRandom(double draw) {
        if (!(draw >= 0 && draw < 1)) {
            throw new IllegalArgumentException("nextDouble() is in [0, 1), not " + draw);
        }
        this.draw = draw;
    }

    @Override
    public double nextDouble() {
        return draw;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("backoff jitter is expected to draw with nextDouble()");
    }
}
