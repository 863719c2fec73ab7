package dev.baton.internal;

/** What a producer writes for one job type: the stored name, the payload version and the queue. */
record WriteTarget(String type, int version, String queue) {}
