package dev.baton.spi;

/**
 * @param id the job's id
 * @param duplicate true when nothing was inserted because an unfinished job with the same unique key
 *     exists; {@code id} is then that job's
 */
public record InsertedJob(long id, boolean duplicate) {}
