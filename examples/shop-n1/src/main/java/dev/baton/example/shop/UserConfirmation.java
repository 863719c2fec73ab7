package dev.baton.example.shop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Downcast;
import dev.baton.Job;
import dev.baton.Upcast;
import java.time.LocalDate;

/**
 * Seed 001: the user confirmation gains a required {@code date}. Version 2; the casters on the record let
 * this release read N's version 1 payloads (date unknown: null) and write version 1 for N's workers while
 * they are still in the fleet (the date dropped). Stored as
 * {@code {"userId": 42, "message": "Hello!", "date": "2017-12-24"}}.
 */
@Job(name = "user-confirmation", version = 2, queue = "mailers")
public record UserConfirmation(long userId, String message, LocalDate date) {

    /** N's payload, read by N+1. */
    @Upcast(from = 1)
    static void addDate(ObjectNode v1) {
        v1.putNull("date");
    }

    /** N+1's payload, for N's workers. */
    @Downcast(from = 2)
    static void dropDate(ObjectNode v2) {
        v2.remove("date");
    }
}
