package dev.baton.example.shop;

import dev.baton.Job;

/** Seed 003: a job on queue {@code mail}; release N+1 moves it to {@code newsletters}. */
@Job(name = "send-newsletter", queue = "mail")
public record SendNewsletter(long issue, long userId) {}
