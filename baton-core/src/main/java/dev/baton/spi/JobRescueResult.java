package dev.baton.spi;

/** What a rescue did: jobs made claimable again, and jobs that had no attempts left and are now dead. */
public record JobRescueResult(int retried, int dead) {

    public int total() {
        return retried + dead;
    }
}
