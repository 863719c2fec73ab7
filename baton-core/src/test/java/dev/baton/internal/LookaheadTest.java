package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LookaheadTest {

    @Test
    void claimsNothingAheadBeforeAJobHasRun() {
        Lookahead lookahead = new Lookahead(8);
        lookahead.claimTook(2_000_000);

        assertThat(lookahead.jobs()).isZero();
    }

    @Test
    void claimsAsManyAsFinishDuringOneClaim() {
        Lookahead lookahead = new Lookahead(8);
        lookahead.claimTook(2_000_000); // 2 ms a claim
        lookahead.runTook(1_000_000); // 1 ms a job: 8 slots finish 16 jobs during one claim

        assertThat(lookahead.jobs()).isEqualTo(16);
    }

    @Test
    void jobsFarLongerThanAClaimGetNoneAhead() {
        Lookahead lookahead = new Lookahead(8);
        lookahead.claimTook(2_000_000);
        lookahead.runTook(10_000_000_000L); // 10 s a job

        assertThat(lookahead.jobs()).isZero();
    }

    @Test
    void instantJobsAreCappedAtFourPoolsOrAHundred() {
        Lookahead small = new Lookahead(8);
        small.claimTook(2_000_000);
        small.runTook(1);
        Lookahead large = new Lookahead(500);
        large.claimTook(2_000_000);
        large.runTook(1);

        assertThat(small.jobs()).isEqualTo(100);
        assertThat(large.jobs()).isEqualTo(1000);
    }
}
