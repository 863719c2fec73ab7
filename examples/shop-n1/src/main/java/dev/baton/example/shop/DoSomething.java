package dev.baton.example.shop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Downcast;
import dev.baton.Job;
import dev.baton.Upcast;

/**
 * Seed 000: {@code do_something(arg_1)} becomes {@code do_something(arg_1, arg_2)}, in one release:
 * version 2, N's payloads get {@code arg2 = "none"}, and N's workers get payloads without it.
 */
@Job(name = "do-something", version = 2)
public record DoSomething(long arg1, String arg2) {

    @Upcast(from = 1)
    static void addArg2(ObjectNode v1) {
        v1.put("arg2", "none");
    }

    @Downcast(from = 2)
    static void dropArg2(ObjectNode v2) {
        v2.remove("arg2");
    }
}
