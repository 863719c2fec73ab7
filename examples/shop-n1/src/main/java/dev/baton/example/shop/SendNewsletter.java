package dev.baton.example.shop;

import dev.baton.Job;

/**
 * Seed 003: moved from queue {@code mail} (release N) to {@code newsletters}. The store remembers N's
 * contract, so this release's workers also claim the type's jobs still waiting on {@code mail}.
 */
@Job(name = "send-newsletter", queue = "newsletters")
public record SendNewsletter(long issue, long userId) {}
