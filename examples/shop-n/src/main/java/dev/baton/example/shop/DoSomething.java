package dev.baton.example.shop;

import dev.baton.Job;

/** Seed 000: {@code do_something(arg_1)}; release N+1 gives it a second argument. */
@Job(name = "do-something")
public record DoSomething(long arg1) {}
