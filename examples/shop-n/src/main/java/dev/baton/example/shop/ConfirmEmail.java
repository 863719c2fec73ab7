package dev.baton.example.shop;

import dev.baton.Job;

/** Seed 001: the job release N+1 renames to {@code email-confirmation} (class EmailConfirmation). */
@Job(name = "confirm-email")
public record ConfirmEmail(long userId) {}
