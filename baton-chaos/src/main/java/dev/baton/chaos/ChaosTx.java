package dev.baton.chaos;

import dev.baton.Job;

/** A job whose effect commits with its completion: it must never show a second effect row. */
@Job(name = "chaos-tx", queue = "chaos")
public record ChaosTx(String key, int workMillis) {}
