package dev.baton;

/**
 * The result of an enqueue.
 *
 * @param id the stored job's id
 * @param type the job type name
 * @param version the payload version that was written
 * @param duplicate true when a unique key matched an unfinished job: nothing was inserted and
 *     {@code id} is the existing job's
 */
public record Enqueued(long id, String type, int version, boolean duplicate) {}
