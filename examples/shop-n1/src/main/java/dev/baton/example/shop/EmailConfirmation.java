package dev.baton.example.shop;

import dev.baton.Job;

/**
 * Seed 001: {@code confirm-email} (class ConfirmEmail in N) renamed to {@code email-confirmation}, with the
 * old name as an alias: jobs stored under it run here, and while N's workers are live, producers of this
 * release still write the old name.
 */
@Job(name = "email-confirmation", aliases = "confirm-email")
public record EmailConfirmation(long userId) {}
