package dev.baton.example.shop;

import dev.baton.Job;

/**
 * Seed 001: "send a confirmation to the user". Release N+1 adds a required {@code date}; this is N's shape,
 * stored as {@code {"userId": 42, "message": "Hello!"}}, version 1.
 */
@Job(name = "user-confirmation", queue = "mailers")
public record UserConfirmation(long userId, String message) {}
