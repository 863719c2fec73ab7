package dev.baton.chaos;

import dev.baton.Job;

/**
 * A job whose effect is written outside Baton's transaction: a crash between the effect and the
 * completion shows up as a second effect row, the at-least-once duplicate a plain handler must tolerate.
 */
@Job(name = "chaos-plain", queue = "chaos")
public record ChaosPlain(String key, int workMillis) {}
